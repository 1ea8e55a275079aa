package io.streamis.jobmanager.job;

import java.time.LocalDateTime;

/** A job: a named stream application in a project, with versions and runs (tasks). */
public record StreamJob(long id, String projectName, String name, String createBy, LocalDateTime createTime,
                        String label, String description, String jobType, String submitUser, String workspaceName,
                        String currentVersion, boolean enable, int versionSeq) {
}
