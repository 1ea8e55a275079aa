package io.streamis.jobmanager.monitor;

import io.streamis.common.job.TaskStatus;
import io.streamis.jobmanager.lease.LeaderWrites;
import io.streamis.jobmanager.lifecycle.JobInfoCodec;
import io.streamis.jobmanager.lifecycle.RunError;
import io.streamis.jobmanager.lifecycle.StopReason;
import io.streamis.jobmanager.log.TaskLog;
import io.streamis.jobmanager.operation.OperationMapper;
import io.streamis.jobmanager.operation.OperationSettled;
import io.streamis.jobmanager.operation.OperationState;
import io.streamis.jobmanager.operation.TaskOperation;
import io.streamis.jobmanager.restore.RestorePoint;
import io.streamis.jobmanager.restore.RestorePoints;
import io.streamis.jobmanager.task.StreamTask;
import io.streamis.jobmanager.task.TaskFact;
import io.streamis.jobmanager.task.TaskMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What settling a stop or savepoint writes, in the order that loses nothing: a completed savepoint is recorded as
 * a restore point first (a crash after that still finds it), then the run's move (fenced with the leader's epoch)
 * and the operation's settlement, which is what the waiting answer reads, commit together: a reader never sees the
 * run STOPPED with its stop still open, and a process dying between the two cannot leave a completed stop to be
 * marked failed by the next leader.
 */
@Component
class OperationSettlement {

    private static final Logger LOG = LoggerFactory.getLogger(OperationSettlement.class);

    private final OperationMapper operations;
    private final TaskMapper tasks;
    private final LeaderWrites writes;
    private final RestorePoints points;
    private final JobInfoCodec codec;
    private final TaskLog log;
    private final ApplicationEventPublisher facts;
    private final TransactionTemplate tx;

    OperationSettlement(OperationMapper operations, TaskMapper tasks, LeaderWrites writes, RestorePoints points,
                        JobInfoCodec codec, TaskLog log, ApplicationEventPublisher facts,
                        PlatformTransactionManager txManager) {
        this.tx = new TransactionTemplate(txManager);
        this.operations = operations;
        this.tasks = tasks;
        this.writes = writes;
        this.points = points;
        this.codec = codec;
        this.log = log;
        this.facts = facts;
    }

    /**
     * Flink completed the operation; {@code path} is the savepoint's location (null for a cancel). The caller has
     * shut down a stopped run's per-job application already: a start that follows the STOPPED at once must never
     * meet it (nor have it shut down under it).
     */
    void done(TaskOperation op, StreamTask t, String path) {
        finish(op, t, path, null);
    }

    /**
     * A stop whose per-job application's Flink did not answer ({@code why}) and which the caller has killed through
     * YARN: the run is STOPPED without a savepoint, and says so.
     */
    void killed(TaskOperation op, StreamTask t, String why) {
        finish(op, t, null, StopReason.killedUnanswering(why));
    }

    private void finish(TaskOperation op, StreamTask t, String path, String note) {
        if (path != null) {
            points.savepointed(t, path, op.kind().stops() ? RestorePoint.Origin.STOP : RestorePoint.Origin.MANUAL);
        }
        if (op.kind().stops()) {
            String cause = note != null ? note : path == null ? StopReason.CANCELLED.record(null)
                    : StopReason.SAVEPOINT.record(path);
            Boolean settled = tx.execute(s -> {
                if (writes.transitionWithError(t.id(), TaskStatus.STOPPING.code(), TaskStatus.STOPPED.code(), cause)
                        != 1) {
                    return null; // not the leader any more (the next one settles it), or settled otherwise
                }
                tasks.updateJobInfo(t.id(), codec.write(codec.read(t).withStatus("Stopped", null)));
                return settleRow(op, OperationState.DONE, path, note);
            });
            if (settled == null) {
                return;
            }
            log.append(t.id(), cause);
            facts.publishEvent(new TaskFact.Stopped(t.jobId(), t.id()));
            announce(settled, op, OperationState.DONE, note);
            return;
        }
        log.append(t.id(), "Savepoint taken: " + path);
        settle(op, OperationState.DONE, path, note);
    }

    /**
     * The operation failed: a stop returns the run to the status it had, the answer says why. {@code why} is
     * Flink's words or one of the platform's ({@link RunError}), recognised again when the run is read.
     */
    void failed(TaskOperation op, StreamTask t, String why) {
        String stopFailed = RunError.STOP_FAILED.english(why);
        if (!op.kind().stops() || t.taskStatus() != TaskStatus.STOPPING) {
            log.append(t.id(), op.kind().stops() ? stopFailed : "Savepoint failed: " + why);
            settle(op, OperationState.FAILED, null, why);
            return;
        }
        // The run's return and the stop's failure commit together, as a completed stop's two writes do.
        Boolean settled = tx.execute(s -> writes.transitionWithError(t.id(), TaskStatus.STOPPING.code(),
                op.fromStatus(), stopFailed) != 1 ? null : settleRow(op, OperationState.FAILED, null, why));
        if (settled != null) {
            log.append(t.id(), stopFailed);
            announce(settled, op, OperationState.FAILED, why);
        }
    }

    /** The run is gone or was settled by somebody else (a recovery): the operation ends without touching it. */
    void superseded(TaskOperation op, String why) {
        settle(op, OperationState.FAILED, null, why);
    }

    private void settle(TaskOperation op, OperationState state, String path, String message) {
        announce(settleRow(op, state, path, message), op, state, message);
    }

    /** False when the operation was settled already (by another node's recovery). */
    private boolean settleRow(TaskOperation op, OperationState state, String path, String message) {
        return operations.settle(op.id(), state.name(), path, message) == 1;
    }

    private void announce(boolean settled, TaskOperation op, OperationState state, String message) {
        if (settled) {
            LOG.info("{} of task {} (job {}) {}{}", op.kind(), op.taskId(), op.jobId(), state,
                    message == null ? "" : ": " + message);
            facts.publishEvent(new OperationSettled(op.id()));
        }
    }
}
