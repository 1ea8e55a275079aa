package io.streamis.jobmanager.lifecycle;

import io.streamis.common.error.ErrorCode;
import io.streamis.common.error.StreamisException;
import io.streamis.common.job.TaskStatus;
import io.streamis.config.ConfigKeys;
import io.streamis.config.value.JobConfigService;
import io.streamis.jobmanager.StreamisJobManagerProperties;
import io.streamis.jobmanager.access.AccessGuard;
import io.streamis.jobmanager.job.JobMapper;
import io.streamis.jobmanager.job.StreamJob;
import io.streamis.jobmanager.log.TaskLog;
import io.streamis.jobmanager.task.StreamTask;
import io.streamis.jobmanager.task.TaskMapper;
import io.streamis.jobmanager.version.JobVersion;
import io.streamis.jobmanager.version.VersionService;
import io.streamis.launcher.launch.JobLauncher;
import io.streamis.launcher.launch.LaunchResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts a job: plan the restore point, persist the intent (task STARTING with the launch snapshot) before
 * calling Flink, launch, record what Flink answered, then wait until every task of the job runs.
 */
@Service
public class StartService {

    private static final Logger LOG = LoggerFactory.getLogger(StartService.class);

    private final StartPreparation preparation;
    private final TaskMapper tasks;
    private final JobMapper jobs;
    private final JobLauncher launcher;
    private final JobInfoCodec codec;
    private final JobConfigService configs;
    private final RunningWaiter waiter;
    private final TaskLog log;
    private final TransactionTemplate tx;

    public StartService(StartPreparation preparation, TaskMapper tasks, JobMapper jobs, JobLauncher launcher,
                        JobInfoCodec codec, JobConfigService configs, RunningWaiter waiter, TaskLog log,
                        PlatformTransactionManager txManager) {
        this.preparation = preparation;
        this.tasks = tasks;
        this.jobs = jobs;
        this.launcher = launcher;
        this.codec = codec;
        this.configs = configs;
        this.waiter = waiter;
        this.log = log;
        this.tx = new TransactionTemplate(txManager);
    }

    /** Starts the latest version of a job; permission checks are the caller's. */
    public StartOutcome start(long jobId, String user, String confirmedPath, StartCause cause) {
        StartPreparation.Prepared p = preparation.prepare(jobId, confirmedPath);
        long taskId = persistIntent(p, user, cause);
        log.append(taskId, "Start of job " + p.job().name() + " version " + p.version().version() + " by " + user
                + " (" + cause + ") on cluster " + p.launch().spec().cluster());
        log.append(taskId, p.decision().path() == null ? "Restore: none (" + p.decision().source() + ")"
                : "Restore from " + p.decision().path() + " (" + p.decision().source() + ", "
                + p.decision().chosen().origin() + ")");
        p.launch().notApplied().forEach(n -> log.append(taskId, "Not applied: " + n));
        LaunchResult launched;
        try {
            launched = launcher.launch(p.launch().spec());
        } catch (RuntimeException e) {
            String msg = "Launch failed: " + rootMessage(e);
            tasks.transitionWithError(taskId, TaskStatus.STARTING.code(), TaskStatus.FAILED.code(), msg);
            log.append(taskId, msg);
            LOG.warn("Job {} task {}: {}", p.job().name(), taskId, msg);
            throw new StreamisException(ErrorCode.FLINK_REJECTED, msg, e);
        }
        JobInfo info = p.info().launched(launched.flinkJobId(), launched.webUrl(), p.launch().notApplied());
        tasks.updateLaunched(taskId, launched.flinkJobId(), codec.write(info), p.decision().path());
        log.append(taskId, "Launched Flink job " + launched.flinkJobId() + " (" + launched.webUrl() + ")");
        if ("configured".equals(p.decision().source())) {
            configs.clearOneShotValues(jobId);
        }
        RunningWaiter.Result r = waiter.await(launched.cluster(), launched.flinkJobId());
        if (r.running()) {
            tasks.transition(taskId, TaskStatus.STARTING.code(), TaskStatus.RUNNING.code());
            log.append(taskId, "All tasks running");
            return new StartOutcome(jobId, taskId, TaskStatus.RUNNING, launched.flinkJobId(), launched.webUrl(),
                    p.decision().path(), "running");
        }
        tasks.transitionWithError(taskId, TaskStatus.STARTING.code(), TaskStatus.FAILED.code(), r.message());
        log.append(taskId, "Did not start: " + r.message());
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

    private long persistIntent(StartPreparation.Prepared p, String user, StartCause cause) {
        return tx.execute(status -> {
            StreamJob job = jobs.selectByIdForUpdate(p.job().id());
            AccessGuard.requireEnabled(job);
            StreamTask latest = tasks.selectLatest(job.id());
            if (latest != null && !latest.taskStatus().canStart()) {
                throw StreamisException.illegalState("StreamTask [" + latest.id() + "] of job " + job.name()
                        + " is still " + latest.taskStatus().text() + "; stop it first");
            }
            JobVersion v = p.version();
            TaskMapper.NewTask row = new TaskMapper.NewTask(v.id(), job.id(), v.version(),
                    TaskStatus.STARTING.code(), user, p.serverInstance(), p.startConfigJson(), p.templateId(),
                    p.launch().spec().cluster(), cause.name(), codec.write(p.info()));
            tasks.insert(row);
            jobs.updateCurrentVersion(job.id(), v.version());
            return row.id;
        });
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
