package io.streamis.common.job;

import java.util.Arrays;

/**
 * Status of one run (task) of a job. Integer codes exist only for the 0.3.x compatibility boundary;
 * the logic uses the enum and its behaviour.
 */
public enum TaskStatus {
    NOT_STARTED(0, "Not Started", "unstarted"),
    COMPLETED(1, "Completed", "success"),
    WAIT_RESTART(2, "Wait for restart", "waitRestart"),
    ALERT_RUNNING(3, "Alert running", "alert"),
    SLOW_RUNNING(4, "Slow running", "slowTask"),
    RUNNING(5, "running", "running"),
    FAILED(6, "Failed", "failure"),
    STOPPED(7, "Stopped", "stopped"),
    STARTING(8, "Starting", "starting"),
    STOPPING(9, "Stopping", "stopping"),
    /** The job vanished from its cluster and nobody has confirmed how it ended yet. */
    LOST(10, "Lost", "lost");

    private final int code;
    private final String text;
    private final String uiKey;

    TaskStatus(int code, String text, String uiKey) {
        this.code = code;
        this.text = text;
        this.uiKey = uiKey;
    }

    public int code() {
        return code;
    }

    public String text() {
        return text;
    }

    public String uiKey() {
        return uiKey;
    }

    /** A run in a terminal status will never change again by itself. */
    public boolean isTerminal() {
        return this == COMPLETED || this == FAILED || this == STOPPED;
    }

    /** A new run may be started only when the latest one is over. */
    public boolean canStart() {
        return this == NOT_STARTED || isTerminal();
    }

    /** The monitor polls these: the job is (believed to be) alive on a cluster. */
    public boolean isActive() {
        return this == RUNNING || this == WAIT_RESTART || this == ALERT_RUNNING || this == SLOW_RUNNING
                || this == LOST;
    }

    /** The platform is in the middle of an action whose outcome must be settled after a crash. */
    public boolean isTransitional() {
        return this == STARTING || this == STOPPING;
    }

    /** Upstream's "finished" group used for banning and for moving the current version. */
    public boolean isFinished() {
        return this == NOT_STARTED || isTerminal();
    }

    public static TaskStatus fromCode(int code) {
        return Arrays.stream(values()).filter(s -> s.code == code).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown task status code " + code));
    }
}
