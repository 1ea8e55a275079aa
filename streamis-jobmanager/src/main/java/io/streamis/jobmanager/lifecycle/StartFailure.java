package io.streamis.jobmanager.lifecycle;

/**
 * Why a start failed, in the platform's own words: English in the run's error (err_desc, which the 0.3.x errorMsg
 * and the restore classification read as it is), recognised again when a view says it in the reader's language —
 * as {@link StopReason} does for a stop. Flink's and YARN's words are arguments and stay as they are. A cause
 * nests: a step back's refusal names the reason Flink gave, a refused step back names that refusal; each argument
 * that is itself one of these texts is said in the same language. A row written before keeps its English unless
 * it reads as one of these texts. Read back and said by {@link RunTexts}, with the other families of a run's texts.
 */
public enum StartFailure implements RunText {
    NEVER_APPEARED("start.never-appeared", "the application never appeared on cluster {0} within {1} s"),
    NEVER_REPORTED("start.never-reported", "Did not start: cluster {0} never reported Flink job {1} within {2} s"),
    NOT_ALL_RUNNING("start.not-all-running", "Did not start: not all tasks running within {0} s: state {1},"
            + " tasks running {2}/{3} (not enough free slots?)"),
    NOT_ALL_RUNNING_YARN("start.not-all-running-yarn", "Did not start: not all tasks running within {0} s:"
            + " state {1}, tasks running {2}/{3} (YARN did not grant all of the application's containers: is the"
            + " queue full?)"),
    /** A session job that ended otherwise than FAILED while starting (its argument is Flink's state word). */
    JOB_ENDED("start.job-ended", "Did not start: Flink reports the job {0}", "([A-Z_]+)"),
    DID_NOT_START("start.did-not-start", "Did not start: {0}"),
    REASON_FAILED("start.reason.failed", "Flink reports the job FAILED: {0}"),
    REASON_UNEXPLAINED("start.reason.unexplained", "Flink reports the job FAILED: no exception recorded"),
    REASON_RESTARTING("start.reason.restarting", "Flink could not restore the job's state (restarting): {0}"),
    REASON_ENDED("start.reason.ended", "the application of the start ended before its job ran: {0}"),
    LAUNCH_FAILED("start.launch-failed", "Launch failed: {0}"),
    REFUSED("start.refused", "Restore point {0} refused: {1}"),
    REFUSED_NOT_STEPPED("start.refused-not-stepped", "Restore point {0} refused: {1}; the step back was not made:"
            + " {2}"),
    // The start's own refusals, thrown as keyed errors (StartService, RestoreFailure) and recorded as their English.
    STEPPED_BACK("FLINK_REJECTED.start.stepped-back", "{0} (stepped back {1} times; no further restore point"
            + " tried)"),
    NO_POINT_LEFT("RESTORE_UNAVAILABLE.no-point-left", "{0}; no other usable restore point is left, refusing to"
            + " start without state{1}. Choose a restore point, or repair the point and clear its mark"
            + " (POST /job/snapshots/clearRefused)"),
    INCOMPATIBLE("RESTORE_INCOMPATIBLE.program", "Job {0} version {1} cannot take the state of restore point {2}:"
            + " the new program has no operator for some of its state ({3}). The restore point is kept. Start again"
            + " with allowNonRestoredState=true to skip the state that no longer maps, or choose another restore"
            + " point.");

    private final TextTemplate template;

    StartFailure(String key, String english) {
        this(key, english, TextTemplate.ANY);
    }

    StartFailure(String key, String english, String argument) {
        this.template = new TextTemplate(key, english, argument);
    }

    @Override
    public TextTemplate template() {
        return template;
    }
}
