package io.streamis.launcher.state;

/** A restore point known to the platform (from its records) or found on storage. */
public record StatePoint(String path, StateKind kind, String origin, Long runSeq, Long checkpointId, long completedTs,
                         String jobVersion) {
}
