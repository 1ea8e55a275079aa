package io.streamis.jobmanager.lifecycle;

/**
 * What the platform records on a run besides a start's failure ({@link StartFailure}) and a user's stop
 * ({@link StopReason}): a stop that failed and why (the operation's reconciler), what the monitor saw (the job
 * ended, restarts inside Flink, went missing), what the recovery after a server restart did. English in the run's
 * error (err_desc) byte for byte as before, recognised again when a view says it in the reader's language
 * ({@link RunTexts}); Flink's and YARN's words are arguments and stay as they are.
 */
public enum RunError implements RunText {
    /** A stop that did not happen: the run returns to its status ({0}: why, Flink's words or one of these). */
    STOP_FAILED("run.stop-failed", "Stop failed: {0}"),
    // Why an operation (stop, savepoint) failed, as the operation records it and a failed stop names it.
    NOT_ASKED("run.operation.not-asked", "the request ended before Flink was asked (was the server restarted?)"),
    /** {0}: the operation's kind (STOP_WITH_SAVEPOINT, SAVEPOINT), {1}: seconds. */
    NOT_COMPLETED("run.operation.not-completed", "{0} did not complete within {1} s", "([A-Z_0-9]+)"),
    NOT_STOPPED("run.operation.not-stopped", "the job did not stop within {0} s"),
    /** Flink gave no trigger id for the operation ({0}: its kind); the requester is killing the application. */
    TRIGGER_UNANSWERED("run.operation.trigger-unanswered", "Flink did not answer the {0} request", "([A-Z_]+)"),
    UNANSWERED("run.operation.unanswered", "Flink did not answer: {0}"),
    UNANSWERED_KILL_FAILED("run.operation.kill-failed", "Flink did not answer: {0}; killing the YARN application"
            + " failed too: {1}"),
    // Why an operation ended without touching its run, which was settled otherwise meanwhile (a recovery).
    RUN_GONE("run.operation.run-gone", "the run no longer exists"),
    /** {0}: the run's status now, as {@code TaskStatus.text()} words it. */
    RUN_MOVED("run.operation.run-moved", "the run is {0} now"),
    // What the monitor saw (TaskReconciler).
    FINISHED("run.finished", "the job finished"),
    CANCELLED_OUTSIDE("run.cancelled-outside", "the job was cancelled outside Streamis"),
    /** The same, with {@code monitor.cancelled-outside=restart} and fail-restart ON: a failure to restart from. */
    CANCELLED_OUTSIDE_RESTART("run.cancelled-outside-restart", "the job was cancelled outside Streamis; it is"
            + " restarted as after a failure (cancelled-outside: restart)"),
    /** Flink restarting the job by itself ({0}: Flink's state word, {1}/{2}: tasks running/all). */
    WAIT_RESTART("run.wait-restart", "Flink reports {0} with {1}/{2} tasks running", "([A-Z_0-9]+)"),
    UNLISTED("run.unlisted", "the job is no longer listed by cluster {0} (unconfirmed)"),
    /** The confirmed loss: the same text the LOST incident says (its key is the alert's). */
    MISSING("alert.lost", "the job has been missing from cluster {0} for {1} s"),
    // What the recovery after a server restart did (StartupRecovery).
    CLUSTER_GONE("run.recovery.cluster-gone", "cluster {0} is no longer configured"),
    STOPPED_WHILE_STARTING("run.recovery.stopped-while-starting", "the server stopped while the job was starting"),
    STOP_INTERRUPTED("run.recovery.stop-interrupted", "the stop was interrupted by a server restart"),
    ADOPTED("run.recovery.adopted", "adopted Flink job {0} after a server restart during its start"),
    EMBEDDED_GONE("run.recovery.embedded-gone", "the embedded Flink cluster stopped with the previous server"
            + " process");

    private final TextTemplate template;

    RunError(String key, String english) {
        this(key, english, TextTemplate.ANY);
    }

    RunError(String key, String english, String argument) {
        this.template = new TextTemplate(key, english, argument);
    }

    /** {@link #text}'s English: what the run records. */
    public String english(Object... args) {
        return template.text(args).english();
    }

    @Override
    public TextTemplate template() {
        return template;
    }
}
