package io.streamis.jobmanager.monitor;

import io.streamis.common.error.Text;
import io.streamis.common.job.TaskStatus;
import io.streamis.jobmanager.StreamisJobManagerProperties;
import io.streamis.jobmanager.job.JobMapper;
import io.streamis.jobmanager.job.StreamJob;
import io.streamis.jobmanager.lease.LeaderWrites;
import io.streamis.jobmanager.lifecycle.RestoreFailure;
import io.streamis.jobmanager.lifecycle.StartFailure;
import io.streamis.jobmanager.log.TaskLog;
import io.streamis.jobmanager.restore.RestorePoints;
import io.streamis.jobmanager.task.StreamTask;
import io.streamis.jobmanager.task.TaskFact;
import io.streamis.launcher.client.FlinkJobState;
import io.streamis.launcher.client.JobExceptions;
import io.streamis.launcher.client.JobOverview;
import io.streamis.launcher.client.LogExcerpt;
import io.streamis.launcher.cluster.FlinkClusters;
import io.streamis.launcher.state.RestorePointResolver;
import io.streamis.launcher.state.StateKind;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The reconciler's decision about a STARTING task, for every kind of cluster: RUNNING once all its tasks run
 * (flink-notes P13), FAILED when Flink reports the job failed (classified by {@link RestoreFailure}: a broken point
 * the platform chose steps back, a program that cannot take the point's state fails without a restart), or when it
 * does not run within the operation timeout. Only {@link TaskReconciler} calls it; every write is a compare-and-set
 * fenced with the leader's epoch, and what follows a verdict (a refusal, a step back, a restart) runs only for the
 * writer that won it.
 */
@Component
class StartReconciler {

    private static final Logger LOG = LoggerFactory.getLogger(StartReconciler.class);
    /** How long a failed start's verdict waits for Flink to publish the failure's cause. */
    private static final Duration CAUSE_GRACE = Duration.ofSeconds(15);
    /** How long the verdict on an ended deployment waits for YARN to aggregate its JobManager's log. */
    private static final Duration LOG_GRACE = Duration.ofSeconds(90);
    /**
     * Flink's words when an operator's state cannot be set up, restore included (StreamTaskStateInitializerImpl):
     * with a broken-point cause it tells a refused point from a user error that merely mentions a file.
     */
    private static final Pattern STATE_INITIALISATION = Pattern.compile(
            "(?i)(StreamOperatorStateContext|restoring (keyed|operator) state|restore (heap|rocksdb)? ?backend)");

    private final FlinkClusters clusters;
    private final LeaderWrites writes;
    private final StreamisJobManagerProperties properties;
    private final RestorePoints points;
    private final StepBacks stepBacks;
    private final FailureHandOff handOff;
    private final JobMapper jobs;
    private final TaskLog log;
    private final ApplicationEventPublisher facts;

    StartReconciler(FlinkClusters clusters, LeaderWrites writes, StreamisJobManagerProperties properties,
                    RestorePoints points, StepBacks stepBacks, FailureHandOff handOff, JobMapper jobs, TaskLog log,
                    ApplicationEventPublisher facts) {
        this.clusters = clusters;
        this.writes = writes;
        this.properties = properties;
        this.points = points;
        this.stepBacks = stepBacks;
        this.handOff = handOff;
        this.jobs = jobs;
        this.log = log;
        this.facts = facts;
    }

    /**
     * Decides a STARTING task from one observation of a reachable cluster ({@code overview} null: the cluster does
     * not list the job). A per-job application whose job finished or was cancelled is not a start's verdict: the
     * caller settles it as for any run. Returns false when the verdict on a failed job waits for Flink to publish
     * the failure's cause: its application must stay up until then (released, it would end unexplained).
     */
    boolean decide(StreamTask t, JobOverview overview) {
        boolean perJob = clusters.isPerJob(t.cluster());
        Duration timeout = properties.operationTimeout();
        if (overview == null) {
            // An application that already ended (its JobManager died, or it failed before listing the job) is
            // decided now, with YARN's diagnostics, classified like a failure Flink reports.
            String ended = perJob ? endedDeployment(t) : null;
            if (ended != null) {
                String cause = withJobManagerLog(t, ended);
                if (cause == null) {
                    return false; // the JobManager's log, which says why, is not aggregated yet
                }
                judge(t, true, cause, StartFailure.REASON_ENDED);
                return true;
            }
            // A deployment may not have reached YARN yet; a session cluster lists a job the moment it accepts it.
            // The run's id is recorded before the launch request, so the start's timeout covers that request too
            // (counted from the intent until Flink answers, from the answer after that).
            Duration limit = perJob ? timeout.multipliedBy(2) : timeout;
            if (age(t).compareTo(limit) >= 0) {
                fail(t, perJob ? StartFailure.NEVER_APPEARED.text(t.cluster(), age(t).toSeconds())
                        : StartFailure.NEVER_REPORTED.text(t.cluster(), t.flinkJobId(), timeout.toSeconds()), perJob,
                        true);
            }
            return true;
        }
        FlinkJobState state = overview.state();
        if (!state.isGloballyTerminal()) {
            if (overview.allTasksRunning()) {
                running(t);
            } else if (state == FlinkJobState.RESTARTING && refusedWhileRestarting(t, perJob)) {
                return true;
            } else if (age(t).compareTo(perJob ? timeout.multipliedBy(2) : timeout) >= 0) {
                notAllRunning(t, overview, perJob, perJob ? timeout.multipliedBy(2) : timeout);
            }
            return true;
        }
        if (state == FlinkJobState.FAILED) {
            return failed(t, perJob);
        }
        if (!perJob) {
            fail(t, StartFailure.JOB_ENDED.text(state), false, true);
        }
        return true;
    }

    /**
     * A start whose tasks do not all run in time: waiting for slots on a session cluster, for containers a full
     * YARN queue does not grant a per-job application (it waits twice as long: a deployment comes first), or
     * restarting for a reason that is not its restore point. The job never read its restore point, so nothing is
     * blamed. A per-job application is killed before the hand-off: a restart deploys the job again, and left up it
     * would hold its containers with nobody watching it.
     */
    private void notAllRunning(StreamTask t, JobOverview overview, boolean perJob, Duration limit) {
        Text message = (perJob ? StartFailure.NOT_ALL_RUNNING_YARN : StartFailure.NOT_ALL_RUNNING).text(
                limit.toSeconds(), overview.state(), overview.tasksRunning(), overview.tasksTotal());
        if (!perJob) {
            if (fail(t, message, false, true)) {
                cancelQuietly(t);
            }
            return;
        }
        if (move(t, message)) {
            releaseNow(t);
            handOff.startFailed(t, message, true, true);
        }
    }

    /**
     * Flink's restart strategy retries a restore that fails in the tasks (a point whose metadata reads but whose
     * state files are gone) without end: the job never FAILS, and the start would only time out as "not all tasks
     * running" on a session cluster, blaming no point, and stay STARTING for good as a YARN application. A restart
     * whose root exception is the tasks' state initialisation failing to read the point is Flink's refusal: the run
     * is cancelled and judged as if Flink had failed it. Asked only while the job is RESTARTING, so a healthy start
     * costs no extra request.
     */
    private boolean refusedWhileRestarting(StreamTask t, boolean perJob) {
        if (t.restoredFrom() == null) {
            return false;
        }
        String root = rootException(clusters, t);
        if (root == null || !STATE_INITIALISATION.matcher(root).find()
                || RestoreFailure.of(root) != RestoreFailure.BROKEN_POINT) {
            return false;
        }
        cancelQuietly(t);
        judge(t, perJob, root, StartFailure.REASON_RESTARTING);
        return true;
    }

    private void running(StreamTask t) {
        if (writes.transitionWithError(t.id(), TaskStatus.STARTING.code(), TaskStatus.RUNNING.code(), null) == 1) {
            LOG.info("Task {} of job {} running on {}", t.id(), t.jobId(), t.cluster());
            log.append(t.id(), "All tasks running");
            facts.publishEvent(new TaskFact.Running(t.jobId(), t.id()));
        }
    }

    /**
     * Flink reports the starting job FAILED: the same judgement a launch that failed outright gets from
     * {@code StartService}, by why it failed.
     */
    private boolean failed(StreamTask t, boolean perJob) {
        String root = rootException(clusters, t);
        String path = t.restoredFrom();
        if (root == null && path != null && age(t).compareTo(CAUSE_GRACE) < 0) {
            // A job that failed while initialising may publish the cause a moment later; deciding without it would
            // blame no point and let the next start try the same broken one again.
            return false;
        }
        judge(t, perJob, root, StartFailure.REASON_FAILED);
        return true;
    }

    /**
     * Judges a start that failed for {@code root} (Flink's exception or YARN's diagnostics, null when unknown);
     * {@code said} says how the platform learnt it, with Flink's first line as its argument.
     */
    private void judge(StreamTask t, boolean perJob, String root, StartFailure said) {
        String path = t.restoredFrom();
        Text reason = root == null ? StartFailure.REASON_UNEXPLAINED.text()
                : said.text(TaskReconciler.firstLine(root));
        Text recorded = StartFailure.DID_NOT_START.text(reason);
        RestoreFailure why = path == null || root == null ? RestoreFailure.OTHER : RestoreFailure.of(root);
        if (why == RestoreFailure.INCOMPATIBLE_PROGRAM) {
            StreamJob job = jobs.selectById(t.jobId());
            fail(t, RestoreFailure.incompatibleText(job == null ? "of task " + t.id() : job.name(), t.version(),
                    path, recorded.english()), perJob, false);
            return;
        }
        if (why.stepsBack() && !userChosen(t)) {
            if (!move(t, recorded)) {
                return;
            }
            if (perJob) {
                // The failed run's application stays up until released; the step back deploys the job again now,
                // and a job may have only one live application.
                releaseNow(t);
            }
            // Steps back, or ends the start (on this run or on a step back that failed at launch) as told there.
            stepBacks.refuse(t, path, reason, perJob);
            return;
        }
        fail(t, recorded, perJob, true);
    }

    /**
     * STARTING → FAILED with the message; true for the caller that moved it. The run's error holds the English;
     * views recognise it again ({@link io.streamis.jobmanager.lifecycle.RunTexts#textOf}) to say it in their
     * reader's language.
     */
    private boolean move(StreamTask t, Text message) {
        if (writes.transitionWithError(t.id(), TaskStatus.STARTING.code(), TaskStatus.FAILED.code(),
                message.english()) != 1) {
            return false;
        }
        LOG.warn("Task {} of job {} did not start: {}", t.id(), t.jobId(), message.english());
        log.append(t.id(), message.english());
        return true;
    }

    private boolean fail(StreamTask t, Text message, boolean perJob, boolean restartable) {
        if (!move(t, message)) {
            return false;
        }
        handOff.startFailed(t, message, perJob, restartable);
        return true;
    }

    /** A path the user confirmed or configured is recorded as the run's USER point at its intent. */
    private boolean userChosen(StreamTask t) {
        String path = RestorePointResolver.normalise(t.restoredFrom());
        return points.ofTask(t.id()).stream().anyMatch(p -> p.kind() == StateKind.USER
                && RestorePointResolver.normalise(p.path()).equals(path));
    }

    /** YARN's account of a deployment that ended unseen, or null (still coming, or the RM not answering). */
    private String endedDeployment(StreamTask t) {
        try {
            return clusters.get(t.cluster()).endedDeployment(t.flinkJobId()).orElse(null);
        } catch (RuntimeException e) {
            LOG.debug("Could not ask cluster {} about task {}'s deployment: {}", t.cluster(), t.id(), e.toString());
            return null;
        }
    }

    /**
     * YARN's diagnostics of an ended deployment say only that the JobManager's container exited; why it did (a
     * restore point it could not read, say) is in its log, which YARN aggregates a few seconds after the end. A
     * start that restored from a point waits for that log (at most {@link #LOG_GRACE}), so a broken point is not
     * judged an unexplained end and tried again; null while waiting.
     */
    private String withJobManagerLog(StreamTask t, String ended) {
        if (t.restoredFrom() == null) {
            return ended;
        }
        List<String> lines = List.of();
        try {
            lines = clusters.get(t.cluster()).endedJobManagerExcerpt(t.flinkJobId()).map(LogExcerpt::lines)
                    .orElse(List.of());
        } catch (RuntimeException e) {
            LOG.debug("No JobManager log of task {} yet: {}", t.id(), e.toString());
        }
        if (!lines.isEmpty()) {
            return ended + "\n" + String.join("\n", lines);
        }
        return age(t).compareTo(LOG_GRACE) < 0 ? null : ended;
    }

    private void releaseNow(StreamTask t) {
        try {
            clusters.get(t.cluster()).releaseNow(t.flinkJobId());
        } catch (RuntimeException e) {
            LOG.warn("Could not release the application of task {}: {}", t.id(), e.toString());
        }
    }

    private void cancelQuietly(StreamTask t) {
        try {
            clusters.get(t.cluster()).cancel(t.flinkJobId());
        } catch (RuntimeException e) {
            LOG.warn("Could not cancel Flink job {} of task {}: {}", t.flinkJobId(), t.id(), e.toString());
        }
    }

    /** Flink's root exception of the run with its stack trace ("Caused by" chain), or null. */
    static String rootException(FlinkClusters clusters, StreamTask t) {
        try {
            JobExceptions ex = clusters.get(t.cluster()).exceptions(t.flinkJobId());
            return ex == null || ex.rootException() == null || ex.rootException().isBlank() ? null
                    : ex.rootException();
        } catch (RuntimeException e) {
            LOG.debug("No exception history for task {}: {}", t.id(), e.toString());
            return null;
        }
    }

    static Duration age(StreamTask t) {
        return Duration.between(t.lastUpdateTime() == null ? LocalDateTime.now() : t.lastUpdateTime(),
                LocalDateTime.now());
    }
}
