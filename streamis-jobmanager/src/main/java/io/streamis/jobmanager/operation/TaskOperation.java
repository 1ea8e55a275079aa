package io.streamis.jobmanager.operation;

import java.time.Duration;
import java.time.LocalDateTime;

/**
 * A stop or savepoint of one run, from its intent to its outcome (table {@code streamis_task_operation}).
 *
 * @param fromStatus the run's status code before a stop: where a stop that failed returns it
 * @param triggerId  Flink's id of the savepoint operation, null before Flink accepted it (and for a cancel)
 * @param resultPath the savepoint's location once DONE (null for a cancel)
 * @param error      why it FAILED
 */
public record TaskOperation(long id, long taskId, long jobId, OperationKind kind, OperationState state,
                            int fromStatus, String requestedBy, LocalDateTime requestedAt, String targetDir,
                            String triggerId, String resultPath, String error, LocalDateTime settledAt) {

    /** Time since the intent was persisted (the app's clock; nodes are expected to keep NTP time). */
    public Duration age() {
        return Duration.between(requestedAt == null ? LocalDateTime.now() : requestedAt, LocalDateTime.now());
    }
}
