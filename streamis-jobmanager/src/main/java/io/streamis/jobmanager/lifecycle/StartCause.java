package io.streamis.jobmanager.lifecycle;

/** Why a run was started; recorded on the task. */
public enum StartCause {
    USER, BULK, AUTO_RESTART, RECOVERY;

    public boolean byUser() {
        return this == USER || this == BULK;
    }
}
