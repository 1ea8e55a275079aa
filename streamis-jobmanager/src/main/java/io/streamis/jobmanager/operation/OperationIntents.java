package io.streamis.jobmanager.operation;

import io.streamis.common.error.StreamisException;
import io.streamis.common.job.TaskStatus;
import io.streamis.jobmanager.task.StreamTask;
import io.streamis.jobmanager.task.TaskMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Persists an operation's intent before Flink is asked: for a stop, the run's move to STOPPING and the operation
 * row commit together, so a crash at any later step leaves a row the reconciler settles.
 */
@Component
public class OperationIntents {

    private final TaskMapper tasks;
    private final OperationMapper operations;

    public OperationIntents(TaskMapper tasks, OperationMapper operations) {
        this.tasks = tasks;
        this.operations = operations;
    }

    /** The run moves {@code from} → STOPPING (compare-and-set) and the stop is recorded; returns its id. */
    @Transactional
    public long stop(StreamTask task, TaskStatus from, OperationKind kind, String user, String targetDir) {
        if (tasks.transition(task.id(), from.code(), TaskStatus.STOPPING.code()) == 0) {
            throw StreamisException.conflict("run.changed", "The run of job " + task.jobId()
                    + " changed status meanwhile, retry", task.jobId());
        }
        return insert(task, kind, from, user, targetDir);
    }

    /** A savepoint of a run that keeps running. */
    public long savepoint(StreamTask task, String user, String targetDir) {
        return insert(task, OperationKind.SAVEPOINT, task.taskStatus(), user, targetDir);
    }

    private long insert(StreamTask task, OperationKind kind, TaskStatus from, String user, String targetDir) {
        OperationMapper.NewOperation row = new OperationMapper.NewOperation(task.id(), task.jobId(), kind,
                from.code(), user, targetDir);
        operations.insert(row);
        return row.id;
    }
}
