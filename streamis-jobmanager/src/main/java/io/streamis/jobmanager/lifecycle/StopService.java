package io.streamis.jobmanager.lifecycle;

import io.streamis.common.error.ErrorCode;
import io.streamis.common.error.StreamisException;
import io.streamis.common.job.TaskStatus;
import io.streamis.jobmanager.StreamisJobManagerProperties;
import io.streamis.jobmanager.job.StreamJob;
import io.streamis.jobmanager.restore.RestorePoint;
import io.streamis.jobmanager.restore.RestorePoints;
import io.streamis.jobmanager.task.StreamTask;
import io.streamis.jobmanager.task.TaskFact;
import io.streamis.jobmanager.task.TaskMapper;
import io.streamis.launcher.client.JobOverview;
import io.streamis.launcher.cluster.FlinkClusters;
import io.streamis.launcher.launch.JobLauncher;
import io.streamis.launcher.state.StateLocations;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/** Stops a job (directly or with a savepoint) and takes savepoints of running jobs. */
@Service
public class StopService {

    private static final Logger LOG = LoggerFactory.getLogger(StopService.class);

    /** Result of a stop: the savepoint location when one was taken. */
    public record StopOutcome(long jobId, Long taskId, String savepointPath, boolean wasRunning) {
    }

    private final TaskMapper tasks;
    private final JobLauncher launcher;
    private final FlinkClusters clusters;
    private final StateLocations locations;
    private final JobInfoCodec codec;
    private final RestorePoints points;
    private final StreamisJobManagerProperties properties;
    private final ApplicationEventPublisher facts;

    public StopService(TaskMapper tasks, JobLauncher launcher, FlinkClusters clusters, StateLocations locations,
                       JobInfoCodec codec, RestorePoints points, StreamisJobManagerProperties properties,
                       ApplicationEventPublisher facts) {
        this.points = points;
        this.facts = facts;
        this.tasks = tasks;
        this.launcher = launcher;
        this.clusters = clusters;
        this.locations = locations;
        this.codec = codec;
        this.properties = properties;
    }

    /** Stopping a job that is not running is a no-op success (0.3.x behaviour). */
    public StopOutcome stop(StreamJob job, boolean snapshot) {
        StreamTask task = tasks.selectLatest(job.id());
        if (task == null || task.taskStatus().isTerminal()) {
            return new StopOutcome(job.id(), task == null ? null : task.id(), null, false);
        }
        TaskStatus from = task.taskStatus();
        if (from == TaskStatus.LOST) {
            // Nothing to stop on the cluster; the user settles the lost run.
            tasks.transitionWithError(task.id(), from.code(), TaskStatus.STOPPED.code(),
                    "stopped by user while lost from its cluster");
            facts.publishEvent(new TaskFact.Stopped(job.id(), task.id()));
            return new StopOutcome(job.id(), task.id(), null, false);
        }
        if (from != TaskStatus.RUNNING && from != TaskStatus.WAIT_RESTART) {
            throw StreamisException.illegalState("Job " + job.name() + " is " + from.text()
                    + "; only running jobs can be stopped");
        }
        if (tasks.transition(task.id(), from.code(), TaskStatus.STOPPING.code()) == 0) {
            throw StreamisException.conflict("Job " + job.name() + " changed status meanwhile, retry");
        }
        try {
            String path = null;
            JobInfo info = codec.read(task);
            if (snapshot) {
                path = launcher.stopWithSavepoint(task.cluster(), task.flinkJobId(),
                        locations.savepointDir(task.cluster(), job.projectName(), job.name()).toString(),
                        properties.operationTimeout());
                points.savepointed(task, path, RestorePoint.Origin.STOP);
            } else {
                launcher.cancel(task.cluster(), task.flinkJobId());
                awaitGone(task);
            }
            tasks.updateJobInfo(task.id(), codec.write(info.withStatus("Stopped", null)));
            tasks.transition(task.id(), TaskStatus.STOPPING.code(), TaskStatus.STOPPED.code());
            facts.publishEvent(new TaskFact.Stopped(job.id(), task.id()));
            releaseQuietly(task);
            return new StopOutcome(job.id(), task.id(), path, true);
        } catch (RuntimeException e) {
            if (clusters.isPerJob(task.cluster()) && e instanceof StreamisException se
                    && se.code() == ErrorCode.FLINK_UNAVAILABLE) {
                try {
                    return killUnanswering(job, task, e);
                } catch (RuntimeException killFailed) {
                    e.addSuppressed(killFailed);
                }
            }
            tasks.transitionWithError(task.id(), TaskStatus.STOPPING.code(), from.code(),
                    "Stop failed: " + StartService.rootMessage(e));
            throw new StreamisException(ErrorCode.FLINK_REJECTED, "Stopping job " + job.name() + " failed: "
                    + StartService.rootMessage(e), e);
        }
    }

    /** Takes a savepoint without stopping; recorded as a restore point of the run. */
    public String snapshot(StreamJob job) {
        StreamTask task = tasks.selectLatest(job.id());
        if (task == null || task.taskStatus() != TaskStatus.RUNNING) {
            throw StreamisException.illegalState("Job " + job.name() + " is not running; a savepoint needs a running"
                    + " job");
        }
        String path;
        try {
            path = launcher.savepoint(task.cluster(), task.flinkJobId(),
                    locations.savepointDir(task.cluster(), job.projectName(), job.name()).toString(),
                    properties.operationTimeout());
        } catch (RuntimeException e) {
            throw new StreamisException(ErrorCode.FLINK_REJECTED, "Savepoint of job " + job.name() + " failed: "
                    + StartService.rootMessage(e), e);
        }
        points.savepointed(task, path, RestorePoint.Origin.MANUAL);
        return path;
    }

    /**
     * The application's Flink does not answer, so no savepoint can be taken: the application is killed through
     * YARN and the stop says so; its checkpoints stay, so the next start restores from the newest of them.
     */
    private StopOutcome killUnanswering(StreamJob job, StreamTask task, RuntimeException cause) {
        launcher.release(task.cluster(), task.flinkJobId());
        tasks.transitionWithError(task.id(), TaskStatus.STOPPING.code(), TaskStatus.STOPPED.code(), "Flink did not"
                + " answer (" + StartService.rootMessage(cause) + "); the YARN application was killed without a"
                + " savepoint, the next start restores from the newest checkpoint");
        facts.publishEvent(new TaskFact.Stopped(job.id(), task.id()));
        return new StopOutcome(job.id(), task.id(), null, true);
    }

    /** A per-job application is shut down once its stop is recorded; a failure here loses no state. */
    private void releaseQuietly(StreamTask task) {
        try {
            launcher.release(task.cluster(), task.flinkJobId());
        } catch (RuntimeException e) {
            LOG.warn("Could not release the cluster of task {}: {}", task.id(), e.toString());
        }
    }

    private void awaitGone(StreamTask task) {
        long deadline = System.nanoTime() + properties.operationTimeout().toNanos();
        while (System.nanoTime() < deadline) {
            JobOverview o = clusters.get(task.cluster()).jobsOverview().get(task.flinkJobId());
            if (o == null || o.state().isGloballyTerminal()) {
                return;
            }
            LockSupport.parkNanos(100_000_000L);
        }
        throw new IllegalStateException("job did not stop within " + properties.operationTimeout().toSeconds()
                + " s");
    }
}
