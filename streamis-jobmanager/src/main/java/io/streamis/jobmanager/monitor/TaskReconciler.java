package io.streamis.jobmanager.monitor;

import io.streamis.common.job.TaskStatus;
import io.streamis.jobmanager.StreamisJobManagerProperties;
import io.streamis.jobmanager.lease.LeaderWrites;
import io.streamis.jobmanager.lifecycle.RestoreFailure;
import io.streamis.jobmanager.restore.RestorePoints;
import io.streamis.jobmanager.task.StreamTask;
import io.streamis.jobmanager.task.TaskFact;
import io.streamis.jobmanager.task.TaskMapper;
import io.streamis.launcher.client.CheckpointStats;
import io.streamis.launcher.client.FlinkJobState;
import io.streamis.launcher.client.JobExceptions;
import io.streamis.launcher.cluster.FlinkClusters;
import io.streamis.launcher.launch.JobLauncher;
import io.streamis.launcher.state.RestorePointResolver;
import io.streamis.launcher.state.StateKind;
import java.time.Duration;
import java.time.LocalDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
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
    /** How long a failed deployment's verdict waits for Flink to publish the failure's cause. */
    private static final Duration CAUSE_GRACE = Duration.ofSeconds(15);

    private final TaskMapper tasks;
    private final FlinkClusters clusters;
    private final RestorePoints points;
    private final AutoRestarter restarter;
    private final StreamisJobManagerProperties properties;
    private final JobLauncher launcher;
    private final LeaderWrites writes;
    /** Facts for the alert decider and the metrics: published, never acted on here. */
    private final ApplicationEventPublisher facts;

    public TaskReconciler(TaskMapper tasks, FlinkClusters clusters, RestorePoints points, AutoRestarter restarter,
                          StreamisJobManagerProperties properties, JobLauncher launcher, LeaderWrites writes,
                          ApplicationEventPublisher facts) {
        this.facts = facts;
        this.launcher = launcher;
        this.writes = writes;
        this.tasks = tasks;
        this.clusters = clusters;
        this.points = points;
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
                facts.publishEvent(new TaskFact.Running(t.jobId(), t.id()));
            }
            return;
        }
        if (status == TaskStatus.LOST && !state.isGloballyTerminal()) {
            if (writes.transitionWithError(t.id(), status.code(), TaskStatus.RUNNING.code(), null) == 1) {
                facts.publishEvent(new TaskFact.Running(t.jobId(), t.id()));
            }
            status = TaskStatus.RUNNING;
        }
        status = followFlinkRestarts(t, status, o);
        if (o.refreshCheckpoint() || state.isGloballyTerminal()) {
            recordCheckpoint(t);
        }
        switch (state) {
            case FAILED -> {
                if (!failed(t, status, perJob)) {
                    return; // decided at a later poll, once Flink tells why; the application stays up till then
                }
            }
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
                facts.publishEvent(new TaskFact.Restarted(t.jobId(), t.id(), true));
                return TaskStatus.WAIT_RESTART;
            }
        } else if (status == TaskStatus.WAIT_RESTART && allRunning) {
            if (writes.transitionWithError(t.id(), status.code(), TaskStatus.RUNNING.code(), null) == 1) {
                facts.publishEvent(new TaskFact.Running(t.jobId(), t.id()));
                return TaskStatus.RUNNING;
            }
        }
        return status;
    }

    private void onMissing(StreamTask t, TaskStatus status) {
        if (status == TaskStatus.STARTING && clusters.isPerJob(t.cluster())) {
            // An application that already ended (its JobManager died, or it failed before listing the job) is
            // decided now, with YARN's diagnostics; one that has not reached YARN yet is given the timeout.
            String ended = endedDeployment(t);
            if (ended != null) {
                failStart(t, status, true, ended, "the application of the start ended before its job ran: ");
            } else if (age(t).compareTo(properties.operationTimeout().multipliedBy(2)) >= 0) {
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
                    + " s", true, true);
        }
    }

    private static Duration age(StreamTask t) {
        return Duration.between(t.lastUpdateTime() == null ? LocalDateTime.now() : t.lastUpdateTime(),
                LocalDateTime.now());
    }

    private void fail(StreamTask t, TaskStatus from, String cause) {
        fail(t, from, cause, true, false);
    }

    private void fail(StreamTask t, TaskStatus from, String cause, boolean restartable) {
        fail(t, from, cause, restartable, false);
    }

    /** @param lost the run went missing from its cluster (a different alert than a failure Flink reported) */
    private void fail(StreamTask t, TaskStatus from, String cause, boolean restartable, boolean lost) {
        if (writes.transitionWithError(t.id(), from.code(), TaskStatus.FAILED.code(), cause) == 1) {
            LOG.warn("Task {} of job {} FAILED: {}", t.id(), t.jobId(), cause);
            facts.publishEvent(new TaskFact.Failed(t.jobId(), t.id(), cause, lost));
            restarter.onFailure(tasks.selectById(t.id()), cause, restartable);
        }
    }

    /**
     * A job Flink reports FAILED. A deployed start (per-job target) that fails while restoring gets what a
     * synchronous start gets from {@code StartService}: a broken point the platform chose is refused, so the
     * auto-restart (or the next start) steps back to the next candidate; a program that cannot take the point's
     * state fails without a restart (it would fail the same way) and says so; a user's path is never refused.
     */
    private boolean failed(StreamTask t, TaskStatus status, boolean perJob) {
        String root = rootException(t);
        if (root == null && perJob && status == TaskStatus.STARTING && t.restoredFrom() != null
                && age(t).compareTo(CAUSE_GRACE) < 0) {
            // An application whose job failed while initialising may publish the cause a moment later; deciding
            // without it would blame no point and let the auto-restart try the same broken one again.
            return false;
        }
        failStart(t, status, perJob, root, "Flink reports the job FAILED: ");
        return true;
    }

    /**
     * Fails the run for {@code root} (Flink's exception or YARN's diagnostics, null when unknown); a deployed start
     * from a point is classified first (see {@link #failed}).
     */
    private void failStart(StreamTask t, TaskStatus status, boolean perJob, String root, String prefix) {
        String first = root == null ? "no exception recorded" : firstLine(root);
        String path = t.restoredFrom();
        if (perJob && status == TaskStatus.STARTING && path != null && root != null) {
            RestoreFailure why = RestoreFailure.of(root);
            if (why == RestoreFailure.INCOMPATIBLE_PROGRAM) {
                fail(t, status, RestoreFailure.incompatibleMessage("of task " + t.id(), t.version(), path, first),
                        false);
                return;
            }
            if (why.stepsBack() && !userChosen(t)) {
                points.refused(t.jobId(), t.id(), path, first);
                LOG.warn("Restore point {} refused by Flink for task {} ({}); later starts skip it", path, t.id(),
                        first);
            }
        }
        fail(t, status, prefix + first);
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

    /** A path the user confirmed or configured is recorded as the run's USER point at its intent. */
    private boolean userChosen(StreamTask t) {
        String path = RestorePointResolver.normalise(t.restoredFrom());
        return points.ofTask(t.id()).stream().anyMatch(p -> p.kind() == StateKind.USER
                && RestorePointResolver.normalise(p.path()).equals(path));
    }

    /** Records the newest completed checkpoint of the run as a restore point (once per path). */
    private void recordCheckpoint(StreamTask t) {
        try {
            CheckpointStats stats = clusters.get(t.cluster()).checkpoints(t.flinkJobId());
            CheckpointStats.Completed c = stats == null ? null : stats.latestCompleted();
            if (stats != null) {
                facts.publishEvent(new TaskFact.CheckpointsRead(t.jobId(), t.id(), c == null ? null : c.completedTs(),
                        stats.failedInARow(), stats.failedCount()));
            }
            if (c == null || c.path() == null) {
                return;
            }
            points.checkpointed(t, c);
        } catch (RuntimeException e) {
            LOG.debug("No checkpoint info for task {}: {}", t.id(), e.toString());
        }
    }

    /** Flink's root exception of the run with its stack trace ("Caused by" chain), or null. */
    private String rootException(StreamTask t) {
        try {
            JobExceptions ex = clusters.get(t.cluster()).exceptions(t.flinkJobId());
            return ex == null || ex.rootException() == null || ex.rootException().isBlank() ? null
                    : ex.rootException();
        } catch (RuntimeException e) {
            LOG.debug("No exception history for task {}: {}", t.id(), e.toString());
            return null;
        }
    }

    /** The exception's first line and, when there is one, its deepest cause: what a person needs to read. */
    static String firstLine(String root) {
        String[] lines = root.split("\n");
        String deepest = null;
        for (String l : lines) {
            if (l.startsWith("Caused by: ")) {
                deepest = l.substring("Caused by: ".length()).trim();
            }
        }
        return deepest == null || deepest.equals(lines[0].trim()) ? lines[0].trim()
                : lines[0].trim() + " (caused by " + deepest + ")";
    }
}
