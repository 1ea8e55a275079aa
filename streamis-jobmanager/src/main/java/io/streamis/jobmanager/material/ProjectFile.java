package io.streamis.jobmanager.material;

import java.time.LocalDateTime;

/** A project resource file version. */
public record ProjectFile(long id, String fileName, String version, String storePath, String storeType,
                          String projectName, LocalDateTime createTime, String createBy, String comment,
                          LocalDateTime updateTime, String md5, Long size, String source) {
}
