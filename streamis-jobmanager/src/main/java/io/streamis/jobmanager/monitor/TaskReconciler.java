package io.streamis.jobmanager.monitor;

import io.streamis.common.error.Text;
import io.streamis.common.job.TaskStatus;
import io.streamis.jobmanager.StreamisJobManagerProperties;
import io.streamis.jobmanager.lease.LeaderWrites;
import io.streamis.jobmanager.lifecycle.RunError;
import io.streamis.jobmanager.restore.RestorePoints;
import io.streamis.jobmanager.task.StreamTask;
import io.streamis.jobmanager.task.TaskFact;
import io.streamis.launcher.client.CheckpointStats;
import io.streamis.launcher.client.FlinkJobState;
import io.streamis.launcher.cluster.FlinkClusters;
import io.streamis.launcher.launch.JobLauncher;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The one place that decides what an observation means and acts on it: records the newest checkpoint, moves
 * the task (compare-and-set, so a concurrent stop wins cleanly) and hands failures to the auto-restarter. A
 * STARTING task's verdict (running, failed, stepped back to an older restore point) is {@link StartReconciler}'s,
 * called from here only.
 * A job missing from its cluster is LOST, and only FAILED once it stayed missing for the confirm period. Status
 * writes are the leader's, fenced with its epoch ({@link LeaderWrites}).
 */
@Component
public class TaskReconciler {

    private static final Logger LOG = LoggerFactory.getLogger(TaskReconciler.class);

    private final FlinkClusters clusters;
    private final RestorePoints points;
    private final StreamisJobManagerProperties properties;
    private final JobLauncher launcher;
    private final LeaderWrites writes;
    private final StartReconciler starts;
    private final StartRequests requests;
    private final FailureHandOff handOff;
    /** Facts for the alert decider and the metrics: published, never acted on here. */
    private final ApplicationEventPublisher facts;

    TaskReconciler(FlinkClusters clusters, RestorePoints points, StreamisJobManagerProperties properties,
                   JobLauncher launcher, LeaderWrites writes, StartReconciler starts, StartRequests requests,
                   FailureHandOff handOff, ApplicationEventPublisher facts) {
        this.requests = requests;
        this.facts = facts;
        this.launcher = launcher;
        this.writes = writes;
        this.clusters = clusters;
        this.points = points;
        this.properties = properties;
        this.starts = starts;
        this.handOff = handOff;
    }

    public void reconcile(Observation o) {
        if (!o.clusterReachable()) {
            return;
        }
        StreamTask t = o.task();
        TaskStatus status = t.taskStatus();
        boolean perJob = clusters.isPerJob(t.cluster());
        if (status == TaskStatus.STARTING && (o.overview() == null || !o.overview().state().isGloballyTerminal()
                || o.overview().state() == FlinkJobState.FAILED || !perJob)) {
            // Every start, on any cluster, is decided here once its launch request has Flink's answer: the request
            // only persisted its intent, launched, and judged a launch Flink refused.
            if (o.overview() != null && requests.stillDecide(t)) {
                return;
            }
            if (o.overview() != null && o.overview().state().isGloballyTerminal()) {
                recordCheckpoint(t);
            }
            boolean decided = starts.decide(t, o.overview());
            if (decided && perJob && o.overview() != null && o.overview().state().isGloballyTerminal()) {
                release(t);
            }
            return;
        }
        if (o.overview() == null) {
            onMissing(t, status);
            return;
        }
        FlinkJobState state = o.overview().state();
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
            case FAILED -> failed(t, status);
            case FINISHED -> writes.transitionWithError(t.id(), status.code(), TaskStatus.COMPLETED.code(),
                    RunError.FINISHED.english());
            case CANCELED -> cancelledOutside(t, status);
            default -> { }
        }
        if (perJob && state.isGloballyTerminal() && status != TaskStatus.STOPPING) {
            release(t);
        }
    }

    /**
     * Flink reports the job CANCELED while the platform was not stopping it (a stop in progress is STOPPING, and
     * every write here is a compare-and-set on the status read, so a stop that began since then wins).
     */
    private void cancelledOutside(StreamTask t, TaskStatus status) {
        if (status != TaskStatus.STOPPING && properties.monitor().cancelledOutside().restartsWhenAllowed()
                && handOff.restartsOnFailure(t)) {
            fail(t, status, RunError.CANCELLED_OUTSIDE_RESTART.text(), false);
            return;
        }
        writes.transitionWithError(t.id(), status.code(), TaskStatus.STOPPED.code(),
                RunError.CANCELLED_OUTSIDE.english());
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
            if (writes.transitionWithError(t.id(), status.code(), TaskStatus.WAIT_RESTART.code(),
                    RunError.WAIT_RESTART.english(state, o.overview().tasksRunning(), o.overview().tasksTotal()))
                    == 1) {
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
        if (status != TaskStatus.LOST) {
            writes.transitionWithError(t.id(), status.code(), TaskStatus.LOST.code(),
                    RunError.UNLISTED.english(t.cluster()));
            return;
        }
        Duration lostFor = StartReconciler.age(t);
        if (lostFor.compareTo(properties.monitor().lostConfirmAfter()) >= 0) {
            fail(t, status, RunError.MISSING.text(t.cluster(), lostFor.toSeconds()), true);
        }
    }

    /**
     * @param cause recorded as the run's error in English; keyed when the platform wrote it
     * @param lost  the run went missing from its cluster (a different alert than a failure Flink reported)
     */
    private void fail(StreamTask t, TaskStatus from, Text cause, boolean lost) {
        if (writes.transitionWithError(t.id(), from.code(), TaskStatus.FAILED.code(), cause.english()) == 1) {
            LOG.warn("Task {} of job {} FAILED: {}", t.id(), t.jobId(), cause.english());
            handOff.failed(t, cause, true, lost);
        }
    }

    /** A running job Flink reports FAILED (a start that fails is {@link StartReconciler}'s). */
    private void failed(StreamTask t, TaskStatus status) {
        String root = StartReconciler.rootException(clusters, t);
        // Flink's own words stay as they are; the platform's sentence around them is keyed.
        fail(t, status, root == null
                ? Text.of("alert.flink-failed-no-exception", "Flink reports the job FAILED: no exception recorded")
                : Text.of("alert.flink-failed", "Flink reports the job FAILED: " + firstLine(root), firstLine(root)),
                false);
    }

    /** Records the newest completed checkpoint of the run as a restore point (once per path). */
    void recordCheckpoint(StreamTask t) {
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
