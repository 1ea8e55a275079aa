package io.streamis.launcher.client;

/** Flink's job states as reported by REST; unknown strings map to {@link #UNKNOWN}, never an exception. */
public enum FlinkJobState {
    INITIALIZING, CREATED, RUNNING, FAILING, FAILED, CANCELLING, CANCELED, FINISHED, RESTARTING, SUSPENDED,
    RECONCILING, UNKNOWN;

    /** FAILED, CANCELED and FINISHED never change again. */
    public boolean isGloballyTerminal() {
        return this == FAILED || this == CANCELED || this == FINISHED;
    }

    public static FlinkJobState parse(String s) {
        if (s == null) {
            return UNKNOWN;
        }
        try {
            return valueOf(s.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }
}
