package io.streamis.jobmanager.diagnosis;

/** Where the line a diagnosis matched came from, in the order a task's failure is searched. */
public enum FailureSource {
    /** The error the platform recorded on the task ({@code errDesc}). */
    RECORDED_ERROR("the task's recorded error"),
    /** Flink's root exception and exception history of the run, while its cluster still knows the job. */
    FLINK_EXCEPTION("Flink's exceptions of the run"),
    /** The aggregated JobManager log of the run's ended YARN application (its failure lines). */
    YARN_JOB_MANAGER_LOG("the JobManager log YARN aggregated for the ended application"),
    /** The platform's launch log of the task. */
    LAUNCH_LOG("the task's launch log"),
    /** A text pasted into {@code POST /diagnosis/match}. */
    GIVEN_TEXT("the text given");

    private final String description;

    FailureSource(String description) {
        this.description = description;
    }

    /** English, for logs and API readers; the UI names the source in its own language from the constant. */
    public String description() {
        return description;
    }

    /** One text of this source to match; {@code where} says where all of it can be read (may be null). */
    public Evidence of(String text, String where) {
        return new Evidence(this, text, where);
    }

    public Evidence of(String text) {
        return new Evidence(this, text, null);
    }

    /** A text that may explain a failure, and where it came from. */
    public record Evidence(FailureSource source, String text, String where) {
    }
}
