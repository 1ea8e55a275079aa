package io.streamis.jobmanager.monitor;

import java.time.LocalDateTime;

/** A failed task whose job has an automatic restart due at {@code dueAt}. */
public record RestartDue(long taskId, long jobId, LocalDateTime dueAt) {
}
