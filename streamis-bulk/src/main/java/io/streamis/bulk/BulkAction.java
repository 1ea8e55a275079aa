package io.streamis.bulk;

/** What a bulk operation does to each job. */
public enum BulkAction {
    EXECUTION("executeJob"), PAUSE("pauseJob");

    private final String schedulePrefix;

    BulkAction(String schedulePrefix) {
        this.schedulePrefix = schedulePrefix;
    }

    /** The 0.3.x event id of one item, e.g. {@code executeJob-12}. */
    public String scheduleId(long jobId) {
        return schedulePrefix + "-" + jobId;
    }
}
