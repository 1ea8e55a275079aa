package io.streamis.jobmanager.alert;

/**
 * What an incident is about. A failure-like rule takes the failure level; the others the job's alert level.
 * Each rule knows what ends its incident.
 */
public enum AlertRule {
    JOB_FAILED(true, "作业失败", "Job failed"),
    RESTART_BUDGET_SPENT(true, "自动重启次数用尽", "Restart budget spent"),
    RESTARTS_IN_WINDOW(false, "频繁重启", "Restarted too often"),
    CHECKPOINT_STALE(false, "长时间无成功Checkpoint", "No completed checkpoint"),
    CHECKPOINT_FAILURES(false, "Checkpoint连续失败", "Checkpoints failing"),
    JOB_LOST(true, "作业丢失", "Job lost");

    private final boolean failure;
    private final String zh;
    private final String en;

    AlertRule(boolean failure, String zh, String en) {
        this.failure = failure;
        this.zh = zh;
        this.en = en;
    }

    /** Uses the failure level ({@code wds.linkis.flink.alert.failure.level}) rather than the alert level. */
    public boolean failure() {
        return failure;
    }

    /** Ends when every task of the job runs again (the others end when their own measure is back in bounds). */
    public boolean resolvedByRunning() {
        return failure;
    }

    /** Bilingual title, as chat and mail messages show it. */
    public String title() {
        return zh + " / " + en;
    }
}
