package io.streamis.jobmanager.lifecycle;

import io.streamis.common.error.Text;
import org.springframework.context.MessageSource;

/**
 * Why a run was stopped, as its task's cause records it: English in the row (the 0.3.x errorMsg shows it as is),
 * recognised again when a view says it in the reader's language.
 */
public enum StopReason {
    CANCELLED("stop.cancelled", "stopped by user (cancelled without savepoint)"),
    SAVEPOINT("stop.savepoint", "stopped by user with savepoint "),
    LOST("stop.lost", "stopped by user while lost from its cluster");

    private final String key;
    private final String english;

    StopReason(String key, String english) {
        this.key = key;
        this.english = english;
    }

    /** The recorded cause; the savepoint reason ends with the savepoint's path. */
    public String record(String path) {
        return this == SAVEPOINT ? english + path : english;
    }

    /**
     * The recorded cause of a stop whose per-job application's Flink did not answer ({@code why}): the application
     * was killed through YARN, so there is no savepoint and the next start restores from the newest checkpoint.
     */
    public static String killedUnanswering(String why) {
        return "Flink did not answer (" + why + "); the YARN application was killed without a savepoint, the next"
                + " start restores from the newest checkpoint";
    }

    /**
     * A recorded cause as a text to translate: a stop's, or a start's failure ({@link StartFailure}); any other
     * cause (Flink's own words) stays as it is.
     */
    public static Text textOf(String recorded) {
        if (recorded == null) {
            return null;
        }
        for (StopReason r : values()) {
            if (r == SAVEPOINT ? recorded.startsWith(r.english) : recorded.equals(r.english)) {
                return Text.of(r.key, recorded, r == SAVEPOINT ? recorded.substring(r.english.length()) : "");
            }
        }
        return StartFailure.textOf(recorded);
    }

    /** A run's recorded cause in the current request's language (English when it is none of the platform's). */
    public static String localise(String recorded, MessageSource messages) {
        return recorded == null ? null : StartFailure.localise(textOf(recorded), messages);
    }
}
