package io.streamis.jobmanager.job;

import java.time.LocalDateTime;

/** One row of the job list as read from the database (status derived from the latest task). */
public record JobListRow(long id, String name, String workspaceName, String projectName, String jobType,
                         String label, String createBy, LocalDateTime createTime, Integer status,
                         String version, boolean enable, String lastVersion, LocalDateTime lastVersionTime,
                         int versionForwards, String description, String manageMode) {
}
