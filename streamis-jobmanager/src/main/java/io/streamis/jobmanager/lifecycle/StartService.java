package io.streamis.jobmanager.lifecycle;

import io.streamis.common.error.ErrorCode;
import io.streamis.common.error.StreamisException;
import io.streamis.common.job.TaskStatus;
import io.streamis.config.value.JobConfigService;
import io.streamis.launcher.launch.JobLauncher;
import io.streamis.launcher.launch.LaunchResult;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Starts a job: plan the restore point, persist the intent (task STARTING with the launch snapshot) before
 * calling Flink, launch, record what Flink answered, and return with the task STARTING. No request thread waits
 * for the job to run: the reconciler decides RUNNING or FAILED from what the cluster reports (the monitor, and
 * the start follower while a start is in flight).
 */
@Service
public class StartService {

    private static final Logger LOG = LoggerFactory.getLogger(StartService.class);

    private final StartPreparation preparation;
    private final StartRecorder recorder;
    private final JobLauncher launcher;
    private final JobConfigService configs;
    private final Deployments deployments;

    public StartService(StartPreparation preparation, StartRecorder recorder, JobLauncher launcher,
                        JobConfigService configs, Deployments deployments) {
        this.preparation = preparation;
        this.recorder = recorder;
        this.launcher = launcher;
        this.configs = configs;
        this.deployments = deployments;
    }

    /** How often a start steps back to an older restore point after Flink refused the chosen one as broken. */
    public static final int MAX_STEP_BACKS = 2;

    /** Starts without skipping any restore-point state; see {@link #start(long, String, String, boolean, StartCause)}. */
    public StartOutcome start(long jobId, String user, String confirmedPath, StartCause cause) {
        return start(jobId, user, confirmedPath, false, cause);
    }

    /**
     * Starts the latest version of a job; permission checks are the caller's. What happens when Flink refuses the
     * restore point depends on why ({@link RestoreFailure}): a broken point the platform chose by itself is
     * marked and the start steps back to the next candidate (never to an empty start), at most
     * {@link #MAX_STEP_BACKS} times, every attempt its own task; a program that cannot take the point's state
     * fails the start and leaves the point unmarked, because older state would only reprocess data silently.
     *
     * @param allowNonRestoredState the user's explicit choice to skip state the new program has no operator for
     */
    public StartOutcome start(long jobId, String user, String confirmedPath, boolean allowNonRestoredState,
                              StartCause cause) {
        return attempts(new Request(jobId, user, confirmedPath, allowNonRestoredState, cause, null), null, 0);
    }

    /**
     * The step back the reconciler decided after Flink refused a restore point the platform chose: the run
     * {@code of} failed, and the job starts again from the next candidate (never an empty one) with the choices of
     * the start it continues (user, cause, allowNonRestoredState).
     *
     * @param refusal what was refused and why (names the point)
     */
    public record StepBack(long jobId, long of, String user, StartCause cause, boolean allowNonRestoredState,
                           String refusal) {
    }

    /** Told when a deployment fails in the background, after the start that queued it returned. */
    @FunctionalInterface
    public interface DeployFailed {
        void failed(long taskId, String message);
    }

    /** What one start asked for; every attempt of it (each step back) starts with the same choices. */
    private record Request(long jobId, String user, String confirmedPath, boolean allowNonRestoredState,
                           StartCause cause, DeployFailed onDeployFailed) {
    }

    /**
     * Makes the step back as a new task linked to the run it continues; how many step backs preceded it is read
     * from that persisted chain, so a person's own start or an unrelated failure in between never counts.
     */
    public StartOutcome stepBack(StepBack s, DeployFailed onDeployFailed) {
        int stepsDone = recorder.stepBacksTo(s.of());
        if (stepsDone >= MAX_STEP_BACKS) {
            throw new StreamisException(ErrorCode.FLINK_REJECTED, "start.stepped-back",
                    StartFailure.STEPPED_BACK.text(s.refusal(), stepsDone).english(), s.refusal(), stepsDone);
        }
        return attempts(new Request(s.jobId(), s.user(), null, s.allowNonRestoredState(), s.cause(), onDeployFailed),
                new RestoreRefused(s.refusal(), s.of()), stepsDone + 1);
    }

    private StartOutcome attempts(Request r, RestoreRefused steppedBackFrom, int firstAttempt) {
        RestoreRefused previous = steppedBackFrom;
        for (int attempt = firstAttempt; ; attempt++) {
            try {
                return startOnce(r, previous);
            } catch (RestoreRefused e) {
                previous = e;
                if (attempt >= MAX_STEP_BACKS) {
                    throw new StreamisException(ErrorCode.FLINK_REJECTED, "start.stepped-back",
                            StartFailure.STEPPED_BACK.text(e.getMessage(), attempt).english(), e.getMessage(),
                            attempt);
                }
                LOG.warn("Job {}: {}; stepping back to the next restore point", r.jobId(), e.getMessage());
            }
        }
    }

    /** Flink refused to restore from a point the platform chose; a signal to step back, never to start empty. */
    static final class RestoreRefused extends RuntimeException {
        /** The run that refused; the next attempt records it as the run it steps back from. */
        final long taskId;

        RestoreRefused(String message, long taskId) {
            super(message);
            this.taskId = taskId;
        }
    }

    /**
     * Records a failed attempt and returns what to throw; throws {@link RestoreRefused} instead when the failure
     * is a broken point the platform chose by itself (a point the user named is never swapped for another).
     */
    private StreamisException failed(StartPreparation.Prepared p, long taskId, RestoreFailure why, String recorded,
                                     String thrown, Throwable cause) {
        String path = p.decision().path();
        if (path != null && why == RestoreFailure.INCOMPATIBLE_PROGRAM) {
            String m = RestoreFailure.incompatibleMessage(p.job().name(), p.version().version(), path, recorded);
            recorder.failed(taskId, m);
            return new StreamisException(ErrorCode.RESTORE_INCOMPATIBLE, "program", m, p.job().name(),
                    p.version().version(), path, recorded).causedBy(cause);
        }
        if (!recorder.failed(taskId, recorded)) {
            // Settled meanwhile (its start timed out, or this node was taken for dead and the leader decided it):
            // whatever follows, a step back included, was that decider's to start, not this request's.
            return StreamisException.illegalState("start.settled-meanwhile", "Job " + p.job().name() + ": task "
                    + taskId + " was settled while this node was starting it; " + recorded, p.job().name(), taskId,
                    recorded);
        }
        if (path != null && why.stepsBack() && "auto".equals(p.decision().source())) {
            recorder.poisoned(taskId, path, recorded);
            throw new RestoreRefused(StartFailure.REFUSED.text(path, recorded).english(), taskId);
        }
        return new StreamisException(ErrorCode.FLINK_REJECTED, thrown, cause);
    }

    /** @param steppedBackFrom the broken point the previous attempt refused, or null on the first attempt */
    private StartOutcome startOnce(Request r, RestoreRefused steppedBackFrom) {
        long jobId = r.jobId();
        long t0 = System.nanoTime();
        StartPreparation.Prepared p;
        try {
            p = preparation.prepare(jobId, r.confirmedPath(), r.allowNonRestoredState());
        } catch (StreamisException e) {
            // After a step back the planner may find only unusable points left (it then refuses by itself):
            // the same outcome as finding none, told the same way, with what it tried.
            if (steppedBackFrom != null && e.code() == ErrorCode.RESTORE_UNAVAILABLE) {
                throw noPointLeft(steppedBackFrom, " (" + e.getMessage() + ")");
            }
            throw e;
        }
        if (steppedBackFrom != null && p.decision().path() == null) {
            // The marked point is no candidate any more, so the planner no longer sees that state existed.
            throw noPointLeft(steppedBackFrom, "");
        }
        Long stepBackOf = steppedBackFrom == null ? null : steppedBackFrom.taskId;
        if (p.launch().deployed()) {
            return startDeployment(p, r, stepBackOf);
        }
        long t1 = System.nanoTime();
        long taskId = recorder.intent(p, r.user(), r.cause(), stepBackOf);
        long t2 = System.nanoTime();
        LaunchResult launched;
        try {
            launched = launcher.launch(p.launch().spec());
        } catch (RuntimeException e) {
            String msg = StartFailure.LAUNCH_FAILED.text(rootMessage(e)).english();
            LOG.warn("Job {} task {}: {}", p.job().name(), taskId, msg);
            throw failed(p, taskId, RestoreFailure.of(e), msg, msg, e);
        }
        StartLaunched timings = new StartLaunched(taskId, launched.cluster(), Duration.ofNanos(t1 - t0),
                Duration.ofNanos(t2 - t1), Duration.ofNanos(System.nanoTime() - t2));
        if (!recorder.launched(taskId, p, launched, timings)) {
            // The run was settled while this request waited for Flink (this node taken for dead, the start timed
            // out): what it launched would be a Flink job nobody tracks.
            cancelQuietly(launched);
            throw StreamisException.illegalState("start.settled-by-leader", "Job " + p.job().name() + ": task "
                    + taskId + " was settled by the leader while this node was starting it;"
                    + " the Flink job was cancelled", p.job().name(), taskId);
        }
        if ("configured".equals(p.decision().source())) {
            configs.clearOneShotValues(jobId);
        }
        // Flink accepted the job; whether it runs (all tasks, flink-notes P13) or fails restoring is the
        // reconciler's decision (TaskReconciler), with the same classification a failed launch gets above.
        return new StartOutcome(jobId, taskId, TaskStatus.STARTING, launched.flinkJobId(), launched.webUrl(),
                p.decision().path(), "starting");
    }

    private void cancelQuietly(LaunchResult launched) {
        try {
            launcher.cancel(launched.cluster(), launched.flinkJobId());
        } catch (RuntimeException e) {
            LOG.warn("Could not cancel Flink job {}: {}", launched.flinkJobId(), e.toString());
        }
    }

    private static StreamisException noPointLeft(RestoreRefused steppedBackFrom, String detail) {
        return new StreamisException(ErrorCode.RESTORE_UNAVAILABLE, "no-point-left",
                StartFailure.NO_POINT_LEFT.text(steppedBackFrom.getMessage(), detail).english(),
                steppedBackFrom.getMessage(), detail);
    }

    /**
     * A per-job target (YARN application): the intent and the run's Flink job id are persisted, the deployment
     * runs in the background and the request returns with the task STARTING; the monitor moves it to RUNNING
     * once all its tasks run (or FAILED with the cause). No request thread waits for YARN.
     */
    private StartOutcome startDeployment(StartPreparation.Prepared p, Request r, Long stepBackOf) {
        long taskId = recorder.intent(p, r.user(), r.cause(), stepBackOf);
        String flinkJobId = p.launch().spec().owner().flinkJobId();
        deployments.submit(taskId, () -> {
            try {
                LaunchResult launched = launcher.launch(p.launch().spec());
                if (!recorder.launched(taskId, p, launched, null)) {
                    LOG.warn("Task {} was settled elsewhere while it deployed; the monitor follows the application",
                            taskId);
                }
                if ("configured".equals(p.decision().source())) {
                    configs.clearOneShotValues(p.job().id());
                }
            } catch (RuntimeException e) {
                String msg = StartFailure.LAUNCH_FAILED.text(rootMessage(e)).english();
                LOG.warn("Job {} task {}: {}", p.job().name(), taskId, msg);
                if (recorder.failed(taskId, msg)) {
                    // Nobody waits for this answer: the caller that asked to be told ends the start with it;
                    // otherwise the failure is handed on like any failed start (alert, auto-restart).
                    if (r.onDeployFailed() != null) {
                        r.onDeployFailed().failed(taskId, msg);
                    } else {
                        recorder.deploymentFailed(taskId, msg);
                    }
                }
            }
        });
        return new StartOutcome(p.job().id(), taskId, TaskStatus.STARTING, flinkJobId, null, p.decision().path(),
                "deploying");
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = e.getMessage() != null ? e.getMessage() : t.toString();
        return m.length() > 2000 ? m.substring(0, 2000) : m;
    }
}
