package io.streamis.jobmanager.monitor;

import io.streamis.common.job.TaskStatus;
import io.streamis.jobmanager.StreamisJobManagerProperties;
import io.streamis.jobmanager.lease.LeaderWrites;
import io.streamis.jobmanager.lifecycle.JobInfo;
import io.streamis.jobmanager.lifecycle.JobInfoCodec;
import io.streamis.jobmanager.task.StreamTask;
import io.streamis.jobmanager.task.TaskMapper;
import io.streamis.launcher.client.CheckpointStats;
import io.streamis.launcher.client.FlinkJobState;
import io.streamis.launcher.client.JobExceptions;
import io.streamis.launcher.cluster.FlinkClusters;
import io.streamis.launcher.launch.JobLauncher;
import java.time.Duration;
import java.time.LocalDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The one place that decides what an observation means and acts on it: records the newest checkpoint, moves
 * the task (compare-and-set, so a concurrent stop wins cleanly) and hands failures to the auto-restarter.
 * A job missing from its cluster is LOST, and only FAILED once it stayed missing for the confirm period. Status
 * writes are the leader's, fenced with its epoch ({@link LeaderWrites}).
 */
@Component
public class TaskReconciler {

    private static final Logger LOG = LoggerFactory.getLogger(TaskReconciler.class);

    private final TaskMapper tasks;
    private final FlinkClusters clusters;
    private final JobInfoCodec codec;
    private final AutoRestarter restarter;
    private final StreamisJobManagerProperties properties;
    private final JobLauncher launcher;
    private final LeaderWrites writes;

    public TaskReconciler(TaskMapper tasks, FlinkClusters clusters, JobInfoCodec codec, AutoRestarter restarter,
                          StreamisJobManagerProperties properties, JobLauncher launcher, LeaderWrites writes) {
        this.launcher = launcher;
        this.writes = writes;
        this.tasks = tasks;
        this.clusters = clusters;
        this.codec = codec;
        this.restarter = restarter;
        this.properties = properties;
    }

    public void reconcile(Observation o) {
        if (!o.clusterReachable()) {
            return;
        }
        StreamTask t = o.task();
        TaskStatus status = t.taskStatus();
        if (o.overview() == null) {
            onMissing(t, status);
            return;
        }
        FlinkJobState state = o.overview().state();
        boolean perJob = clusters.isPerJob(t.cluster());
        if (perJob && status == TaskStatus.STARTING && !state.isGloballyTerminal()) {
            // A deployment drives its own start: RUNNING once every task runs (flink-notes P13).
            if (o.overview().allTasksRunning() && writes.transitionWithError(t.id(), status.code(),
                    TaskStatus.RUNNING.code(), null) == 1) {
                LOG.info("Task {} of job {} running on {}", t.id(), t.jobId(), t.cluster());
            }
            return;
        }
        if (status == TaskStatus.LOST && !state.isGloballyTerminal()) {
            writes.transitionWithError(t.id(), status.code(), TaskStatus.RUNNING.code(), null);
            status = TaskStatus.RUNNING;
        }
        status = followFlinkRestarts(t, status, o);
        if (o.refreshCheckpoint() || state.isGloballyTerminal()) {
            recordCheckpoint(t);
        }
        switch (state) {
            case FAILED -> fail(t, status, "Flink reports the job FAILED: " + rootCause(t));
            case FINISHED -> writes.transitionWithError(t.id(), status.code(), TaskStatus.COMPLETED.code(),
                    "the job finished");
            case CANCELED -> writes.transitionWithError(t.id(), status.code(), TaskStatus.STOPPED.code(),
                    "the job was cancelled outside Streamis");
            default -> { }
        }
        if (perJob && state.isGloballyTerminal() && status != TaskStatus.STOPPING) {
            release(t);
        }
    }

    /** A per-job application whose job ended is shut down (it stays up so the outcome can be read first). */
    private void release(StreamTask t) {
        try {
            launcher.release(t.cluster(), t.flinkJobId());
        } catch (RuntimeException e) {
            LOG.warn("Could not release the application of task {}: {}", t.id(), e.toString());
        }
    }

    /**
     * Flink restarting a job by itself (its own restart strategy) is "wait for restart", not running: only a job
     * whose tasks all run counts as running (flink-notes P13). It returns to RUNNING when they all run again.
     */
    private TaskStatus followFlinkRestarts(StreamTask t, TaskStatus status, Observation o) {
        FlinkJobState state = o.overview().state();
        if (state.isGloballyTerminal()) {
            return status;
        }
        boolean allRunning = o.overview().allTasksRunning();
        if (status == TaskStatus.RUNNING && !allRunning && (state == FlinkJobState.RESTARTING
                || state == FlinkJobState.RUNNING || state == FlinkJobState.FAILING)) {
            if (writes.transitionWithError(t.id(), status.code(), TaskStatus.WAIT_RESTART.code(), "Flink reports "
                    + state + " with " + o.overview().tasksRunning() + "/" + o.overview().tasksTotal()
                    + " tasks running") == 1) {
                return TaskStatus.WAIT_RESTART;
            }
        } else if (status == TaskStatus.WAIT_RESTART && allRunning) {
            if (writes.transitionWithError(t.id(), status.code(), TaskStatus.RUNNING.code(), null) == 1) {
                return TaskStatus.RUNNING;
            }
        }
        return status;
    }

    private void onMissing(StreamTask t, TaskStatus status) {
        if (status == TaskStatus.STARTING && clusters.isPerJob(t.cluster())) {
            // The deployment may not have reached YARN yet; only a start older than the timeout is given up.
            if (age(t).compareTo(properties.operationTimeout().multipliedBy(2)) >= 0) {
                writes.transitionWithError(t.id(), status.code(), TaskStatus.FAILED.code(), "the application never"
                        + " appeared on cluster " + t.cluster() + " within " + age(t).toSeconds() + " s");
            }
            return;
        }
        if (status != TaskStatus.LOST) {
            writes.transitionWithError(t.id(), status.code(), TaskStatus.LOST.code(),
                    "the job is no longer listed by cluster " + t.cluster() + " (unconfirmed)");
            return;
        }
        Duration lostFor = age(t);
        if (lostFor.compareTo(properties.monitor().lostConfirmAfter()) >= 0) {
            fail(t, status, "the job has been missing from cluster " + t.cluster() + " for " + lostFor.toSeconds()
                    + " s");
        }
    }

    private static Duration age(StreamTask t) {
        return Duration.between(t.lastUpdateTime() == null ? LocalDateTime.now() : t.lastUpdateTime(),
                LocalDateTime.now());
    }

    private void fail(StreamTask t, TaskStatus from, String cause) {
        if (writes.transitionWithError(t.id(), from.code(), TaskStatus.FAILED.code(), cause) == 1) {
            LOG.warn("Task {} of job {} FAILED: {}", t.id(), t.jobId(), cause);
            restarter.onFailure(tasks.selectById(t.id()), cause);
        }
    }

    /** Persists the newest completed checkpoint of the run as a restore point carried in its job info. */
    private void recordCheckpoint(StreamTask t) {
        try {
            CheckpointStats stats = clusters.get(t.cluster()).checkpoints(t.flinkJobId());
            CheckpointStats.Completed c = stats == null ? null : stats.latestCompleted();
            if (c == null || c.path() == null) {
                return;
            }
            JobInfo info = codec.read(t);
            boolean known = info.jobStates().stream().anyMatch(s -> s.location().equals(c.path()));
            if (!known) {
                tasks.updateJobInfo(t.id(), codec.write(info.withState(new JobInfo.State(c.path(), c.completedTs(),
                        false, c.savepoint() ? "SAVEPOINT" : "CHECKPOINT", "periodic", t.id(), c.id(),
                        t.version()))));
            }
        } catch (RuntimeException e) {
            LOG.debug("No checkpoint info for task {}: {}", t.id(), e.toString());
        }
    }

    private String rootCause(StreamTask t) {
        try {
            JobExceptions ex = clusters.get(t.cluster()).exceptions(t.flinkJobId());
            String root = ex == null ? null : ex.rootException();
            if (root == null) {
                return "no exception recorded";
            }
            int nl = root.indexOf('\n');
            return nl > 0 ? root.substring(0, nl) : root;
        } catch (RuntimeException e) {
            return "exception history unavailable";
        }
    }
}
