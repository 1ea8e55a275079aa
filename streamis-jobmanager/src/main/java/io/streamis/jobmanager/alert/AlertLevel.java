package io.streamis.jobmanager.alert;

import java.util.Locale;

/** The 0.3.x alert levels, most severe first; a channel takes the alerts at or above its minimum level. */
public enum AlertLevel {
    CRITICAL, MAJOR, MINOR, WARNING, INFO;

    public boolean atLeast(AlertLevel minimum) {
        return ordinal() <= minimum.ordinal();
    }

    /** Parses a level name as 0.3.x stored it (any case); blank or unknown gives {@code fallback}. */
    public static AlertLevel parse(String s, AlertLevel fallback) {
        if (s == null || s.isBlank()) {
            return fallback;
        }
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }
}
