package io.streamis.jobmanager.lifecycle;

/**
 * Why a run was stopped, as its task's cause records it: English in the row (the 0.3.x errorMsg shows it as is),
 * recognised again when a view says it in the reader's language ({@link RunTexts}).
 */
public enum StopReason implements RunText {
    CANCELLED("stop.cancelled", "stopped by user (cancelled without savepoint)"),
    SAVEPOINT("stop.savepoint", "stopped by user with savepoint {0}"),
    LOST("stop.lost", "stopped by user while lost from its cluster"),
    /** A per-job application whose Flink did not answer, killed through YARN ({0}: why, Flink's or the platform's). */
    KILLED_UNANSWERING("stop.killed-unanswering", "Flink did not answer ({0}); the YARN application was killed"
            + " without a savepoint, the next start restores from the newest checkpoint");

    private final TextTemplate template;

    StopReason(String key, String english) {
        this.template = new TextTemplate(key, english, TextTemplate.ANY);
    }

    /** The recorded cause; the savepoint reason ends with the savepoint's path. */
    public String record(String path) {
        return this == SAVEPOINT ? template.text(path).english() : template.text().english();
    }

    /**
     * The recorded cause of a stop whose per-job application's Flink did not answer ({@code why}): the application
     * was killed through YARN, so there is no savepoint and the next start restores from the newest checkpoint.
     */
    public static String killedUnanswering(String why) {
        return KILLED_UNANSWERING.template.text(why).english();
    }

    @Override
    public TextTemplate template() {
        return template;
    }
}
