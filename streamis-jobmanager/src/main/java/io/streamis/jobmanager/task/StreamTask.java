package io.streamis.jobmanager.task;

import io.streamis.common.job.TaskStatus;
import java.time.LocalDateTime;

/**
 * One start attempt of a job (a "task" in 0.3.x terms) and what became of it. {@code stepBackOf}: the run whose
 * refused restore point this start steps back from (null for a start of its own); {@code allowNonRestoredState}:
 * the start's choice to skip state the program has no operator for, carried by its step backs; {@code launchedAt}:
 * when Flink answered the launch request (null while it is in flight, and for a launch Flink refused).
 */
public record StreamTask(long id, long jobVersionId, long jobId, String version, int status,
                         LocalDateTime startTime, LocalDateTime lastUpdateTime, String errDesc, String submitUser,
                         String linkisJobId, String linkisJobInfo, String serverInstance, String jobStartConfig,
                         String solution, Long templateId, String cluster, String startCause, String restoredFrom,
                         Long stepBackOf, boolean allowNonRestoredState, LocalDateTime launchedAt) {

    public TaskStatus taskStatus() {
        return TaskStatus.fromCode(status);
    }

    /** The Flink job id (stored in {@code linkis_job_id} for compatibility). */
    public String flinkJobId() {
        return linkisJobId;
    }
}
