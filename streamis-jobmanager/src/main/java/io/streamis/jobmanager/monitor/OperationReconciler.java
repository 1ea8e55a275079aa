package io.streamis.jobmanager.monitor;

import io.streamis.common.error.ErrorCode;
import io.streamis.common.error.StreamisException;
import io.streamis.common.job.TaskStatus;
import io.streamis.jobmanager.StreamisJobManagerProperties;
import io.streamis.jobmanager.lease.Leadership;
import io.streamis.jobmanager.lifecycle.RunError;
import io.streamis.jobmanager.operation.OperationMapper;
import io.streamis.jobmanager.operation.OperationState;
import io.streamis.jobmanager.operation.TaskOperation;
import io.streamis.jobmanager.task.StreamTask;
import io.streamis.jobmanager.task.TaskMapper;
import io.streamis.launcher.client.FlinkClusterGateway;
import io.streamis.launcher.client.JobOverview;
import io.streamis.launcher.client.SavepointStatus;
import io.streamis.launcher.cluster.FlinkClusters;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Decides every stop and savepoint in flight, on the leader: asks Flink about the operation (the savepoint
 * trigger's status, or whether a cancelled job is gone) and settles it once through {@link OperationSettlement}:
 * done, failed (a stop returns the run to its status), or, when the application's Flink stopped answering, the
 * YARN application killed. An intent whose requester died before asking Flink is given up after the operation
 * timeout. Because the intent and Flink's trigger id are in the database, a stop begun on a node that crashed is
 * finished by whichever node leads.
 */
@Component
class OperationReconciler {

    private static final Logger LOG = LoggerFactory.getLogger(OperationReconciler.class);

    private final OperationMapper operations;
    private final TaskMapper tasks;
    private final FlinkClusters clusters;
    private final OperationSettlement settle;
    private final TaskReconciler runs;
    private final Leadership leadership;
    private final StreamisJobManagerProperties properties;

    OperationReconciler(OperationMapper operations, TaskMapper tasks, FlinkClusters clusters,
                        OperationSettlement settle, TaskReconciler runs, Leadership leadership,
                        StreamisJobManagerProperties properties) {
        this.operations = operations;
        this.tasks = tasks;
        this.clusters = clusters;
        this.settle = settle;
        this.runs = runs;
        this.leadership = leadership;
        this.properties = properties;
    }

    /** One pass over the unsettled operations as actions of the leader's term; -1 on a node that does not lead. */
    int followAll() {
        OptionalLong term = leadership.epoch();
        if (term.isEmpty()) {
            return -1;
        }
        List<TaskOperation> open = operations.selectUnsettled();
        for (TaskOperation op : open) {
            if (!leadership.holds(term.getAsLong())) {
                break;
            }
            try {
                leadership.act(term.getAsLong(), null, () -> {
                    follow(op);
                    return null;
                });
            } catch (RuntimeException e) {
                LOG.warn("Could not follow {} of task {}: {}", op.kind(), op.taskId(), e.toString());
            }
        }
        return open.size();
    }

    void follow(TaskOperation op) {
        StreamTask t = tasks.selectById(op.taskId());
        if (t == null) {
            settle.superseded(op, RunError.RUN_GONE.english());
            return;
        }
        Duration timeout = properties.operationTimeout();
        boolean late = op.age().compareTo(timeout) >= 0;
        if (op.state() == OperationState.REQUESTED) {
            // The requester is between its intent and its call to Flink, or died there: Flink was never asked.
            if (late) {
                settle.failed(op, t, RunError.NOT_ASKED.english());
            }
            return;
        }
        if (op.kind().stops() && t.taskStatus() != TaskStatus.STOPPING) {
            settle.superseded(op, RunError.RUN_MOVED.english(t.taskStatus().text()));
            return;
        }
        if (op.kind().takesSavepoint()) {
            followSavepoint(op, t, late, timeout);
        } else {
            followCancel(op, t, late, timeout);
        }
    }

    private void followSavepoint(TaskOperation op, StreamTask t, boolean late, Duration timeout) {
        FlinkClusterGateway flink = clusters.get(t.cluster());
        if (op.triggerId() == null) {
            // Flink never answered the trigger and the requester is killing the application; finish if it died.
            if (late) {
                unanswered(op, t, flink, new StreamisException(ErrorCode.FLINK_UNAVAILABLE,
                        RunError.TRIGGER_UNANSWERED.english(op.kind())));
            }
            return;
        }
        SavepointStatus s;
        try {
            s = flink.savepointStatus(t.flinkJobId(), op.triggerId());
        } catch (RuntimeException e) {
            if (late) {
                unanswered(op, t, flink, e);
            }
            return;
        }
        switch (s.phase()) {
            case COMPLETED -> done(op, t, s.location());
            case FAILED -> settle.failed(op, t, s.failureCause());
            default -> {
                if (late) {
                    settle.failed(op, t, RunError.NOT_COMPLETED.english(op.kind(), timeout.toSeconds()));
                }
            }
        }
    }

    private void followCancel(TaskOperation op, StreamTask t, boolean late, Duration timeout) {
        JobOverview o;
        try {
            o = clusters.get(t.cluster()).jobsOverview().get(t.flinkJobId());
        } catch (RuntimeException e) {
            if (late) {
                unanswered(op, t, clusters.get(t.cluster()), e);
            }
            return;
        }
        if (o == null || o.state().isGloballyTerminal()) {
            // The cancelled run's newest checkpoint is where its next start restores from.
            runs.recordCheckpoint(t);
            done(op, t, null);
        } else if (late) {
            settle.failed(op, t, RunError.NOT_STOPPED.english(timeout.toSeconds()));
        }
    }

    /**
     * Flink completed the operation. A stopped run's per-job application is shut down before the run reads
     * STOPPED: a start that follows at once must never meet it (nor have it shut down under it).
     */
    private void done(TaskOperation op, StreamTask t, String savepoint) {
        if (op.kind().stops() && clusters.isPerJob(t.cluster())) {
            try {
                clusters.get(t.cluster()).release(t.flinkJobId());
            } catch (RuntimeException e) {
                LOG.warn("Could not release the application of task {}: {}", t.id(), e.toString());
            }
        }
        settle.done(op, t, savepoint);
    }

    /**
     * Flink did not answer about the operation until its deadline. A stop of a per-job application then kills it
     * through YARN (its checkpoints stay: the next start restores from the newest); anything else fails.
     */
    private void unanswered(TaskOperation op, StreamTask t, FlinkClusterGateway flink, RuntimeException e) {
        String why = e.getMessage();
        boolean unavailable = e instanceof StreamisException se && se.code() == ErrorCode.FLINK_UNAVAILABLE;
        if (op.kind().stops() && unavailable && clusters.isPerJob(t.cluster())) {
            try {
                flink.release(t.flinkJobId());
            } catch (RuntimeException killFailed) {
                settle.failed(op, t, RunError.UNANSWERED_KILL_FAILED.english(why, killFailed.getMessage()));
                return;
            }
            settle.killed(op, t, why);
            return;
        }
        settle.failed(op, t, RunError.UNANSWERED.english(why));
    }
}
