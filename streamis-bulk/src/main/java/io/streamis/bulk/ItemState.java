package io.streamis.bulk;

/** State of one job inside a bulk operation; the 0.3.x scheduler names are kept for the response. */
public enum ItemState {
    PENDING("Scheduled"), RUNNING("Running"), SUCCEEDED("Succeed"), FAILED("Failed");

    private final String scheduleState;

    ItemState(String scheduleState) {
        this.scheduleState = scheduleState;
    }

    public String scheduleState() {
        return scheduleState;
    }

    public boolean isDone() {
        return this == SUCCEEDED || this == FAILED;
    }
}
