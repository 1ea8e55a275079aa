package io.streamis.jobmanager.lifecycle;

/**
 * Flink accepted a start's job (the task is STARTING with its Flink job id): published so the start follower
 * observes it at once instead of at its next tick. A hint, never a decision.
 */
public record StartLaunched(long taskId, String cluster) {
}
