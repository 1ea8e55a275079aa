package io.streamis.launcher.client;

/** State of a triggered savepoint/stop; COMPLETED with a failure cause is FAILED (flink-notes P12). */
public record SavepointStatus(Phase phase, String location, String failureCause) {

    /** Where the operation is. */
    public enum Phase { PENDING, COMPLETED, FAILED }

    public static SavepointStatus pending() {
        return new SavepointStatus(Phase.PENDING, null, null);
    }

    public static SavepointStatus completed(String location) {
        return new SavepointStatus(Phase.COMPLETED, location, null);
    }

    public static SavepointStatus failed(String cause) {
        return new SavepointStatus(Phase.FAILED, null, cause);
    }
}
