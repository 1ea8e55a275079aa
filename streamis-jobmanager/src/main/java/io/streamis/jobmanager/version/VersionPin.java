package io.streamis.jobmanager.version;

/**
 * A project file a job version refers to by {@code refName}, fixed when the version was published: the file row,
 * its version and the md5 of its bytes then.
 */
public record VersionPin(long id, long jobId, long jobVersionId, String refName, long projectFileId,
                         String fileName, String fileVersion, String md5, Long size) {
}
