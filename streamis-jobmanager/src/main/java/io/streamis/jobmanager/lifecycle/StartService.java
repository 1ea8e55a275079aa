package io.streamis.jobmanager.lifecycle;

import io.streamis.common.error.ErrorCode;
import io.streamis.common.error.StreamisException;
import io.streamis.common.job.TaskStatus;
import io.streamis.config.value.JobConfigService;
import io.streamis.launcher.launch.JobLauncher;
import io.streamis.launcher.launch.LaunchResult;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Starts a job: plan the restore point, persist the intent (task STARTING with the launch snapshot) before
 * calling Flink, launch, record what Flink answered, then wait until every task of the job runs.
 */
@Service
public class StartService {

    private static final Logger LOG = LoggerFactory.getLogger(StartService.class);

    private final StartPreparation preparation;
    private final StartRecorder recorder;
    private final JobLauncher launcher;
    private final JobConfigService configs;
    private final RunningWaiter waiter;
    private final Deployments deployments;

    public StartService(StartPreparation preparation, StartRecorder recorder, JobLauncher launcher,
                        JobConfigService configs, RunningWaiter waiter, Deployments deployments) {
        this.preparation = preparation;
        this.recorder = recorder;
        this.launcher = launcher;
        this.configs = configs;
        this.waiter = waiter;
        this.deployments = deployments;
    }

    /** How often a start steps back to an older restore point after Flink refused the chosen one. */
    static final int MAX_STEP_BACKS = 2;
    private static final Pattern RESTORE_FAILURE = Pattern.compile(
            "(?i)(savepoint|checkpoint|restor|_metadata|state for operator|magic number)");

    /**
     * Starts the latest version of a job; permission checks are the caller's. When a restore point the platform
     * chose by itself is refused by Flink, it is marked and the start steps back to the next candidate (never to
     * an empty start), at most {@link #MAX_STEP_BACKS} times; every attempt is its own task.
     */
    public StartOutcome start(long jobId, String user, String confirmedPath, StartCause cause) {
        for (int attempt = 0; ; attempt++) {
            try {
                return startOnce(jobId, user, confirmedPath, cause);
            } catch (RestoreRefused e) {
                if (attempt >= MAX_STEP_BACKS) {
                    throw new StreamisException(ErrorCode.FLINK_REJECTED, e.getMessage() + " (stepped back "
                            + attempt + " times; no further restore point tried)");
                }
                LOG.warn("Job {}: {}; stepping back to the next restore point", jobId, e.getMessage());
            }
        }
    }

    /** Flink refused to restore from a point the platform chose; a signal to step back, never to start empty. */
    static final class RestoreRefused extends RuntimeException {
        RestoreRefused(String message) {
            super(message);
        }
    }

    private void refuseIfRestoreFailure(StartPreparation.Prepared p, long taskId, String message) {
        if ("auto".equals(p.decision().source()) && p.decision().path() != null
                && RESTORE_FAILURE.matcher(message).find()) {
            recorder.poisoned(taskId, p.decision().path(), message);
            throw new RestoreRefused("Restore point " + p.decision().path() + " refused: " + message);
        }
    }

    private StartOutcome startOnce(long jobId, String user, String confirmedPath, StartCause cause) {
        StartPreparation.Prepared p = preparation.prepare(jobId, confirmedPath);
        if (p.launch().spec().owner().flinkJobId() != null) {
            return startDeployment(p, user, cause);
        }
        long taskId = recorder.intent(p, user, cause);
        LaunchResult launched;
        try {
            launched = launcher.launch(p.launch().spec());
        } catch (RuntimeException e) {
            String msg = "Launch failed: " + rootMessage(e);
            recorder.failed(taskId, msg);
            LOG.warn("Job {} task {}: {}", p.job().name(), taskId, msg);
            refuseIfRestoreFailure(p, taskId, msg);
            throw new StreamisException(ErrorCode.FLINK_REJECTED, msg, e);
        }
        recorder.launched(taskId, p, launched);
        if ("configured".equals(p.decision().source())) {
            configs.clearOneShotValues(jobId);
        }
        RunningWaiter.Result r = waiter.await(launched.cluster(), launched.flinkJobId());
        if (r.running()) {
            recorder.running(taskId);
            return new StartOutcome(jobId, taskId, TaskStatus.RUNNING, launched.flinkJobId(), launched.webUrl(),
                    p.decision().path(), "running");
        }
        recorder.failed(taskId, "Did not start: " + r.message());
        if (!r.cancelNeeded()) {
            refuseIfRestoreFailure(p, taskId, r.message());
        }
        if (r.cancelNeeded()) {
            try {
                launcher.cancel(launched.cluster(), launched.flinkJobId());
            } catch (RuntimeException e) {
                LOG.warn("Could not cancel job {} that never got running: {}", launched.flinkJobId(), e.toString());
            }
        }
        throw new StreamisException(ErrorCode.FLINK_REJECTED, "Job " + p.job().name() + " did not start: "
                + r.message());
    }

    /**
     * A per-job target (YARN application): the intent and the run's Flink job id are persisted, the deployment
     * runs in the background and the request returns with the task STARTING; the monitor moves it to RUNNING
     * once all its tasks run (or FAILED with the cause). No request thread waits for YARN.
     */
    private StartOutcome startDeployment(StartPreparation.Prepared p, String user, StartCause cause) {
        long taskId = recorder.intent(p, user, cause);
        String flinkJobId = p.launch().spec().owner().flinkJobId();
        recorder.assigned(taskId, p, flinkJobId);
        deployments.submit(taskId, () -> {
            try {
                LaunchResult launched = launcher.launch(p.launch().spec());
                recorder.launched(taskId, p, launched);
                if ("configured".equals(p.decision().source())) {
                    configs.clearOneShotValues(p.job().id());
                }
            } catch (RuntimeException e) {
                String msg = "Launch failed: " + rootMessage(e);
                recorder.failed(taskId, msg);
                LOG.warn("Job {} task {}: {}", p.job().name(), taskId, msg);
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
