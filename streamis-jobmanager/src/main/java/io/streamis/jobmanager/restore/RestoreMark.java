package io.streamis.jobmanager.restore;

/** A fact about a point's standing, appended to {@code linkis_stream_restore_mark}; the newest one counts. */
public record RestoreMark(long id, long jobId, String path, String pathHash, Action action, String reason,
                          Long taskId, String createdBy) {

    public enum Action {
        /** Flink could not read the point (missing or corrupt files): no candidate until a user clears it. */
        REFUSED,
        /** A user lifted a refusal: the point is a candidate again. */
        CLEARED;

        public boolean excludes() {
            return this == REFUSED;
        }
    }
}
