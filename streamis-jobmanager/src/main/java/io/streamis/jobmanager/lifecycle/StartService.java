package io.streamis.jobmanager.lifecycle;

import io.streamis.common.error.ErrorCode;
import io.streamis.common.error.StreamisException;
import io.streamis.common.job.TaskStatus;
import io.streamis.config.value.JobConfigService;
import io.streamis.launcher.launch.JobLauncher;
import io.streamis.launcher.launch.LaunchResult;
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

    public StartService(StartPreparation preparation, StartRecorder recorder, JobLauncher launcher,
                        JobConfigService configs, RunningWaiter waiter) {
        this.preparation = preparation;
        this.recorder = recorder;
        this.launcher = launcher;
        this.configs = configs;
        this.waiter = waiter;
    }

    /** Starts the latest version of a job; permission checks are the caller's. */
    public StartOutcome start(long jobId, String user, String confirmedPath, StartCause cause) {
        StartPreparation.Prepared p = preparation.prepare(jobId, confirmedPath);
        long taskId = recorder.intent(p, user, cause);
        LaunchResult launched;
        try {
            launched = launcher.launch(p.launch().spec());
        } catch (RuntimeException e) {
            String msg = "Launch failed: " + rootMessage(e);
            recorder.failed(taskId, msg);
            LOG.warn("Job {} task {}: {}", p.job().name(), taskId, msg);
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

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = e.getMessage() != null ? e.getMessage() : t.toString();
        return m.length() > 2000 ? m.substring(0, 2000) : m;
    }
}
