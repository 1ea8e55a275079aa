package io.streamis.jobmanager.operation;

/** Where an operation is: an intent, asked of Flink, or settled once for good. */
public enum OperationState {
    /** Persisted before Flink was asked; a crash here leaves nothing done on the cluster. */
    REQUESTED,
    /** Flink accepted it (for savepoints, with a trigger id to ask about). */
    TRIGGERED,
    DONE,
    FAILED;

    public boolean isSettled() {
        return this == DONE || this == FAILED;
    }
}
