package io.streamis.jobmanager.lifecycle;

import io.streamis.common.job.TaskStatus;

/** Result of a start: the task, how it ended up, and what it restored from (null = started empty). */
public record StartOutcome(long jobId, long taskId, TaskStatus status, String flinkJobId, String webUrl,
                           String restoredFrom, String message) {
}
