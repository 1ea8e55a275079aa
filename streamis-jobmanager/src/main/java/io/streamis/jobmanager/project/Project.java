package io.streamis.jobmanager.project;

import java.time.LocalDateTime;

/** A project: the unit jobs and privileges belong to. */
public record Project(long id, Long workspaceId, String name, String createBy, LocalDateTime createTime,
                      String lastUpdateBy, LocalDateTime lastUpdateTime, boolean deleted) {
}
