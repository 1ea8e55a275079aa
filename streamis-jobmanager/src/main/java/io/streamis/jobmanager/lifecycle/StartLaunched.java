package io.streamis.jobmanager.lifecycle;

import java.time.Duration;

/**
 * Flink accepted a start's job (the task is STARTING with its Flink job id): published so the start follower
 * observes it at once instead of at its next tick. A hint, never a decision. It carries where the request's time
 * went (for the start-latency benchmark's breakdown): planning, the intent's transaction, the launch call.
 */
public record StartLaunched(long taskId, String cluster, Duration prepare, Duration intent, Duration launch) {
}
