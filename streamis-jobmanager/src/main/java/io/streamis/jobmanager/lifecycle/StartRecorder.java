package io.streamis.jobmanager.lifecycle;

import io.streamis.common.error.StreamisException;
import io.streamis.common.job.TaskStatus;
import io.streamis.jobmanager.access.AccessGuard;
import io.streamis.jobmanager.job.JobMapper;
import io.streamis.jobmanager.job.StreamJob;
import io.streamis.jobmanager.lease.Leadership;
import io.streamis.jobmanager.log.TaskLog;
import io.streamis.jobmanager.restore.RestorePoints;
import io.streamis.jobmanager.task.StreamTask;
import io.streamis.jobmanager.task.TaskFact;
import io.streamis.jobmanager.task.TaskMapper;
import io.streamis.jobmanager.version.JobVersion;
import io.streamis.launcher.launch.LaunchResult;
import io.streamis.launcher.state.StateKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Writes what a start decides and learns: the intent before Flink is called, then each outcome, logged per task. */
@Component
public class StartRecorder {

    /** The statuses of a run its start still owns: the reconciler may have found it running before Flink answered. */
    private static final List<Integer> FOLLOWED = List.of(TaskStatus.STARTING.code(), TaskStatus.RUNNING.code(),
            TaskStatus.WAIT_RESTART.code());

    private final TaskMapper tasks;
    private final JobMapper jobs;
    private final JobInfoCodec codec;
    private final TaskLog log;
    private final RestorePoints points;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher facts;
    private final Leadership leadership;

    public StartRecorder(TaskMapper tasks, JobMapper jobs, JobInfoCodec codec, TaskLog log, RestorePoints points,
                         PlatformTransactionManager txManager, ApplicationEventPublisher facts,
                         Leadership leadership) {
        this.points = points;
        this.facts = facts;
        this.leadership = leadership;
        this.tasks = tasks;
        this.jobs = jobs;
        this.codec = codec;
        this.log = log;
        this.tx = new TransactionTemplate(txManager);
    }

    /**
     * Under the job's row lock: refuse if a run is still active, else insert the task STARTING with its snapshot.
     * A leader's start (restart, recovery) is fenced and claimed in the same transaction ({@link Leadership#act}).
     *
     * @param stepBackOf the run whose refused restore point this start steps back from, or null; persisted so the
     *                   step backs of one start are counted from the link, not guessed from the runs before
     */
    public long intent(StartPreparation.Prepared p, String user, StartCause cause, Long stepBackOf) {
        long taskId = tx.execute(status -> {
            leadership.fenceIntent();
            StreamJob job = jobs.selectByIdForUpdate(p.job().id());
            AccessGuard.requireEnabled(job);
            StreamTask latest = tasks.selectLatest(job.id());
            if (latest != null && latest.taskStatus() == TaskStatus.STARTING) {
                // Two starts at once (two nodes, two clicks): the row lock lets one through, the other hears why.
                throw StreamisException.illegalState("already-starting", "Job " + job.name()
                        + " is already starting (task " + latest.id() + "); wait for that start to finish",
                        job.name(), latest.id());
            }
            if (latest != null && !latest.taskStatus().canStart()) {
                throw StreamisException.illegalState("still-active", "StreamTask [" + latest.id() + "] of job "
                        + job.name() + " is still " + latest.taskStatus().text() + "; stop it first", job.name(),
                        latest.id());
            }
            JobVersion v = p.version();
            // The run's Flink job id and restore point are part of the intent: the reconciler and a restarted
            // server find the run by that id, whatever point of the launch a process died at.
            TaskMapper.NewTask row = new TaskMapper.NewTask(v.id(), job.id(), v.version(),
                    TaskStatus.STARTING.code(), user, p.serverInstance(), p.startConfigJson(), p.templateId(),
                    p.launch().spec().cluster(), cause.name(), codec.write(p.info()), stepBackOf,
                    p.launch().spec().allowNonRestoredState(), p.launch().spec().owner().flinkJobId(),
                    p.decision().path());
            tasks.insert(row);
            jobs.startedTask(job.id(), row.id, v.version(), TaskStatus.STARTING.code());
            if (p.decision().chosen() != null && p.decision().chosen().kind() == StateKind.USER) {
                points.userPath(job.id(), row.id, p.decision().path(), v.version());
            }
            return row.id;
        });
        List<String> lines = new ArrayList<>();
        lines.add("Start of job " + p.job().name() + " version " + p.version().version() + " by " + user
                + " (" + cause + ") on cluster " + p.launch().spec().cluster()
                + (stepBackOf == null ? "" : ", stepping back from task " + stepBackOf)
                + (p.launch().spec().allowNonRestoredState() ? ", skipping state with no operator" : ""));
        lines.add(p.decision().path() == null ? "Restore: none (" + p.decision().source() + ")"
                : "Restore from " + p.decision().path() + " (" + p.decision().source() + ", "
                + p.decision().chosen().origin() + ")");
        lines.add((p.launch().deployed() ? "Deploying to " : "Launching on ") + p.launch().spec().cluster()
                + " as Flink job " + p.launch().spec().owner().flinkJobId());
        p.launch().notApplied().forEach(n -> lines.add("Not applied: " + n));
        log.append(taskId, lines);
        facts.publishEvent(new TaskFact.Started(p.job().id(), taskId, cause.name()));
        return taskId;
    }

    /**
     * Records what Flink answered and tells the start follower; false (nothing written) when the run was settled
     * (failed, stopped) while this start ran, by another node's recovery or a start that timed out. A run the
     * reconciler already found RUNNING, which it may since its id is known before Flink answers, is still this one.
     */
    public boolean launched(long taskId, StartPreparation.Prepared p, LaunchResult launched, StartLaunched timings) {
        JobInfo info = p.info().launched(launched.flinkJobId(), launched.applicationId(), launched.webUrl(),
                p.launch().notApplied());
        // The restore point was written with the intent; the answer adds Flink's job id, the web URL and when.
        if (tasks.updateLaunchedIf(taskId, FOLLOWED, launched.flinkJobId(), codec.write(info)) == 0) {
            log.append(taskId, "Settled elsewhere while starting; Flink job " + launched.flinkJobId()
                    + " is not tracked by this task");
            return false;
        }
        facts.publishEvent(timings != null ? timings
                : new StartLaunched(taskId, launched.cluster(), Duration.ZERO, Duration.ZERO, Duration.ZERO));
        log.append(taskId, "Launched Flink job " + launched.flinkJobId()
                + (launched.applicationId() == null ? "" : " as YARN application " + launched.applicationId())
                + " (" + launched.webUrl() + ")");
        return true;
    }

    /** Records on the failed task that Flink refused to restore from {@code path}; later plans skip it. */
    public void poisoned(long taskId, String path, String reason) {
        points.refused(tasks.selectById(taskId).jobId(), taskId, path, reason);
        log.append(taskId, "Restore point " + path + " refused by Flink (" + reason + "); it will not be used again");
    }

    /** STARTING → FAILED with the message; false when the task was settled meanwhile. */
    public boolean failed(long taskId, String message) {
        boolean moved = tasks.transitionWithError(taskId, TaskStatus.STARTING.code(), TaskStatus.FAILED.code(),
                message) == 1;
        log.append(taskId, message);
        return moved;
    }

    /** A background deployment's failure, told to whoever decides what follows it ({@link DeploymentFailed}). */
    public void deploymentFailed(long taskId, String message) {
        facts.publishEvent(new DeploymentFailed(taskId, message));
    }

    /** How many step backs led to the run, read from the persisted links (see {@link TaskMapper#stepBacksTo}). */
    public int stepBacksTo(long taskId) {
        return tasks.stepBacksTo(taskId, StartService.MAX_STEP_BACKS);
    }
}
