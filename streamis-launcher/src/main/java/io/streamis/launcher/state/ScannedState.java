package io.streamis.launcher.state;

/** A checkpoint ({@code <dir>/<flinkJobId>/chk-N}) or savepoint directory found on storage with its _metadata. */
public record ScannedState(String path, StateKind kind, String flinkJobId, Long checkpointId, long modifiedTs) {
}
