package io.streamis.jobmanager.upload;

/** Outcome of an import: the job, the version just published, and whether the job was created by it. */
public record ImportResult(long jobId, String version, boolean created) {
}
