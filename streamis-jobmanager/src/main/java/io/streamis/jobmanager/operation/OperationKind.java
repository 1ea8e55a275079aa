package io.streamis.jobmanager.operation;

/** What a user (or a bulk item) asked of a running job. */
public enum OperationKind {
    /** Stop with a savepoint (Flink's stop-with-savepoint); the savepoint is the run's STOP restore point. */
    STOP_WITH_SAVEPOINT,
    /** Cancel without a savepoint. */
    CANCEL,
    /** A savepoint of a job that keeps running; recorded as a MANUAL restore point. */
    SAVEPOINT;

    /** The run ends with this operation (the task is STOPPING while it is in flight). */
    public boolean stops() {
        return this != SAVEPOINT;
    }

    /** Flink answers with a trigger id whose status tells the savepoint's location. */
    public boolean takesSavepoint() {
        return this != CANCEL;
    }
}
