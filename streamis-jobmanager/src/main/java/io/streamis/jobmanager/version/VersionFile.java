package io.streamis.jobmanager.version;

import java.time.LocalDateTime;

/** A file that came inside a version's zip, kept in the material store. */
public record VersionFile(long id, long jobId, long jobVersionId, String fileName, String version, String storePath,
                          String storeType, String md5, Long size, LocalDateTime createTime, String createBy) {
}
