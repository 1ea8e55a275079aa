package io.streamis.jobmanager.lifecycle;

import io.streamis.common.error.ErrorCode;
import io.streamis.common.error.StreamisException;
import io.streamis.common.job.TaskStatus;
import io.streamis.jobmanager.StreamisJobManagerProperties;
import io.streamis.jobmanager.job.StreamJob;
import io.streamis.jobmanager.operation.Completions;
import io.streamis.jobmanager.operation.OperationIntents;
import io.streamis.jobmanager.operation.OperationKind;
import io.streamis.jobmanager.operation.OperationMapper;
import io.streamis.jobmanager.operation.OperationRequested;
import io.streamis.jobmanager.operation.OperationState;
import io.streamis.jobmanager.operation.TaskOperation;
import io.streamis.jobmanager.task.StreamTask;
import io.streamis.jobmanager.task.TaskFact;
import io.streamis.jobmanager.task.TaskMapper;
import io.streamis.launcher.client.FlinkClusterGateway;
import io.streamis.launcher.cluster.FlinkClusters;
import io.streamis.launcher.state.StateLocations;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Stops a job (directly or with a savepoint) and takes savepoints of running jobs, as persisted intents: the
 * request records the operation, asks Flink to begin it and returns a future; the leader's reconciler
 * ({@code OperationReconciler}) follows Flink until the operation is done and settles the run, also after this
 * node crashed. No thread waits for Flink here.
 */
@Service
public class StopService {

    /** Result of a stop: the savepoint location when one was taken. */
    public record StopOutcome(long jobId, Long taskId, String savepointPath, boolean wasRunning) {
    }

    /** How long after the reconciler's own deadline an answer still waits for its verdict (another node's). */
    private static final Duration VERDICT_GRACE = Duration.ofSeconds(15);

    private final TaskMapper tasks;
    private final FlinkClusters clusters;
    private final StateLocations locations;
    private final OperationIntents intents;
    private final OperationMapper operations;
    private final Completions completions;
    private final StreamisJobManagerProperties properties;
    private final ApplicationEventPublisher facts;

    public StopService(TaskMapper tasks, FlinkClusters clusters, StateLocations locations, OperationIntents intents,
                       OperationMapper operations, Completions completions, StreamisJobManagerProperties properties,
                       ApplicationEventPublisher facts) {
        this.tasks = tasks;
        this.clusters = clusters;
        this.locations = locations;
        this.intents = intents;
        this.operations = operations;
        this.completions = completions;
        this.properties = properties;
        this.facts = facts;
    }

    /** Stopping a job that is not running is a no-op success (0.3.x behaviour). */
    public CompletableFuture<StopOutcome> stop(StreamJob job, boolean snapshot, String user) {
        StreamTask task = tasks.selectLatest(job.id());
        if (task == null || task.taskStatus().isTerminal()) {
            return CompletableFuture.completedFuture(new StopOutcome(job.id(), task == null ? null : task.id(), null,
                    false));
        }
        TaskStatus from = task.taskStatus();
        if (from == TaskStatus.LOST) {
            // Nothing to stop on the cluster; the user settles the lost run.
            tasks.transitionWithError(task.id(), from.code(), TaskStatus.STOPPED.code(), StopReason.LOST.record(null));
            facts.publishEvent(new TaskFact.Stopped(job.id(), task.id()));
            return CompletableFuture.completedFuture(new StopOutcome(job.id(), task.id(), null, false));
        }
        if (from != TaskStatus.RUNNING && from != TaskStatus.WAIT_RESTART) {
            throw StreamisException.illegalState("stop-not-running", "Job " + job.name() + " is " + from.text()
                    + "; only running jobs can be stopped", job.name());
        }
        OperationKind kind = snapshot ? OperationKind.STOP_WITH_SAVEPOINT : OperationKind.CANCEL;
        String dir = snapshot ? savepointDir(job, task) : null;
        FlinkClusterGateway flink = clusters.get(task.cluster());
        long id = intents.stop(task, from, kind, user, dir);
        try {
            String trigger;
            if (snapshot) {
                trigger = flink.stopWithSavepoint(task.flinkJobId(), dir);
            } else {
                flink.cancel(task.flinkJobId());
                trigger = null;
            }
            operations.triggered(id, trigger);
        } catch (RuntimeException e) {
            if (clusters.isPerJob(task.cluster()) && e instanceof StreamisException se
                    && se.code() == ErrorCode.FLINK_UNAVAILABLE) {
                return killUnanswering(job, task, from, id, flink, e);
            }
            throw failed(job, task, from, id, e);
        }
        facts.publishEvent(new OperationRequested(id));
        return verdict(id, job, false).thenApply(op -> new StopOutcome(job.id(), task.id(),
                op.resultPath(), true));
    }

    /** Takes a savepoint without stopping; recorded as a restore point of the run once Flink completed it. */
    public CompletableFuture<String> snapshot(StreamJob job, String user) {
        StreamTask task = tasks.selectLatest(job.id());
        if (task == null || task.taskStatus() != TaskStatus.RUNNING) {
            throw StreamisException.illegalState("snapshot-not-running", "Job " + job.name()
                    + " is not running; a savepoint needs a running job", job.name());
        }
        String dir = savepointDir(job, task);
        FlinkClusterGateway flink = clusters.get(task.cluster());
        long id = intents.savepoint(task, user, dir);
        try {
            operations.triggered(id, flink.triggerSavepoint(task.flinkJobId(), dir));
        } catch (RuntimeException e) {
            operations.settle(id, OperationState.FAILED.name(), null, StartService.rootMessage(e));
            throw new StreamisException(ErrorCode.FLINK_REJECTED, "savepoint.failed", "Savepoint of job "
                    + job.name() + " failed: " + StartService.rootMessage(e), job.name(), StartService.rootMessage(e))
                    .causedBy(e);
        }
        facts.publishEvent(new OperationRequested(id));
        return verdict(id, job, true).thenApply(TaskOperation::resultPath);
    }

    /**
     * The application's Flink does not answer, so no savepoint can be taken: the application is killed through
     * YARN and the stop says so; its checkpoints stay, so the next start restores from the newest of them. The
     * operation is claimed first (triggered without a trigger id): when the reconciler gave the intent up meanwhile,
     * the run is back in its status and nothing may be killed under it.
     */
    private CompletableFuture<StopOutcome> killUnanswering(StreamJob job, StreamTask task, TaskStatus from, long id,
                                                           FlinkClusterGateway flink, RuntimeException cause) {
        if (operations.triggered(id, null) == 0) {
            return verdict(id, job, false).thenApply(op -> new StopOutcome(job.id(), task.id(), op.resultPath(),
                    true));
        }
        try {
            flink.release(task.flinkJobId());
        } catch (RuntimeException killFailed) {
            cause.addSuppressed(killFailed);
            throw failed(job, task, from, id, cause);
        }
        String told = StopReason.killedUnanswering(StartService.rootMessage(cause));
        if (operations.settle(id, OperationState.DONE.name(), null, told) == 1
                && tasks.transitionWithError(task.id(), TaskStatus.STOPPING.code(), TaskStatus.STOPPED.code(),
                told) == 1) {
            facts.publishEvent(new TaskFact.Stopped(job.id(), task.id()));
        }
        return CompletableFuture.completedFuture(new StopOutcome(job.id(), task.id(), null, true));
    }

    /** Flink refused to begin the stop: the run returns to where it was, the operation says why. */
    private StreamisException failed(StreamJob job, StreamTask task, TaskStatus from, long id, RuntimeException e) {
        String why = StartService.rootMessage(e);
        if (operations.settle(id, OperationState.FAILED.name(), null, why) == 1) {
            tasks.transitionWithError(task.id(), TaskStatus.STOPPING.code(), from.code(),
                    RunError.STOP_FAILED.english(why));
        }
        return new StreamisException(ErrorCode.FLINK_REJECTED, "stop.failed", "Stopping job " + job.name()
                + " failed: " + why, job.name(), why).causedBy(e);
    }

    /** How long an answer may wait: the reconciler decides within the operation timeout. */
    public Duration answerTimeout() {
        return properties.operationTimeout().plus(VERDICT_GRACE);
    }

    /** The settled operation, or a failure saying why; the reconciler settles it, here or on the leader. */
    private CompletableFuture<TaskOperation> verdict(long id, StreamJob job, boolean savepoint) {
        String what = (savepoint ? "Savepoint of job " : "Stopping job ") + job.name();
        return completions.await(() -> Optional.ofNullable(operations.selectById(id))
                        .filter(op -> op.state().isSettled()), answerTimeout(),
                () -> {
                    String english = what + " has no outcome after " + answerTimeout().toSeconds()
                            + " s; the platform keeps following it";
                    if (savepoint) {
                        throw new StreamisException(ErrorCode.FLINK_UNAVAILABLE, "savepoint.no-outcome", english,
                                job.name(), answerTimeout().toSeconds());
                    }
                    throw new StreamisException(ErrorCode.FLINK_UNAVAILABLE, "stop.no-outcome", english, job.name(),
                            answerTimeout().toSeconds());
                })
                .thenApply(op -> {
                    if (op.state() == OperationState.FAILED) {
                        String english = what + " failed: " + op.error();
                        if (savepoint) {
                            throw new StreamisException(ErrorCode.FLINK_REJECTED, "savepoint.failed", english,
                                    job.name(), op.error());
                        }
                        throw new StreamisException(ErrorCode.FLINK_REJECTED, "stop.failed", english, job.name(),
                                op.error());
                    }
                    return op;
                });
    }

    private String savepointDir(StreamJob job, StreamTask task) {
        return locations.savepointDir(task.cluster(), job.projectName(), job.name()).toString();
    }
}
