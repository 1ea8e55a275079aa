package io.streamis.jobmanager.monitor;

import io.streamis.common.error.Text;
import io.streamis.common.job.TaskStatus;
import io.streamis.config.ConfigKeys;
import io.streamis.jobmanager.StreamisJobManagerProperties;
import io.streamis.jobmanager.job.JobMapper;
import io.streamis.jobmanager.job.StreamJob;
import io.streamis.jobmanager.lease.Leadership;
import io.streamis.jobmanager.lifecycle.EffectiveConfig;
import io.streamis.jobmanager.lifecycle.StartCause;
import io.streamis.jobmanager.lifecycle.StartOutcome;
import io.streamis.jobmanager.lifecycle.StartService;
import io.streamis.jobmanager.task.StreamTask;
import io.streamis.jobmanager.task.TaskFact;
import io.streamis.jobmanager.task.TaskMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Brings failed jobs back from their newest state when fail-restart is ON, within the restart budget; when the
 * budget is spent the job stays FAILED and that fact is published (the alert decider decides the alert). Every
 * restart is its own task with its cause. Restarts are the leader's: each carries the epoch of the term that
 * scheduled it, and its claim and intent are refused in the database once another node leads (see
 * {@link Leadership#act}).
 */
@Component
public class AutoRestarter implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(AutoRestarter.class);
    private static final int HISTORY = 50;

    private final StartService starts;
    private final TaskMapper tasks;
    private final JobMapper jobs;
    private final EffectiveConfig effective;
    private final ApplicationEventPublisher facts;
    private final StreamisJobManagerProperties properties;
    private final RestartDueMapper dueDates;
    private final ShutdownGate shutdown;
    private final Leadership leadership;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "streamis-auto-restart");
        t.setDaemon(true);
        return t;
    });

    public AutoRestarter(StartService starts, TaskMapper tasks, JobMapper jobs, EffectiveConfig effective,
                         ApplicationEventPublisher facts, StreamisJobManagerProperties properties, RestartDueMapper dueDates,
                         ShutdownGate shutdown, Leadership leadership) {
        this.starts = starts;
        this.tasks = tasks;
        this.jobs = jobs;
        this.effective = effective;
        this.facts = facts;
        this.properties = properties;
        this.dueDates = dueDates;
        this.shutdown = shutdown;
        this.leadership = leadership;
    }

    /**
     * Called once per detected failure of {@code failed} (whose {@link TaskFact.Failed} is already published);
     * schedules a restart or publishes that the budget is spent.
     */
    public void onFailure(StreamTask failed, String cause) {
        onFailure(failed, cause, true);
    }

    /**
     * @param restartable false when a restart would only fail the same way (the program refuses its state)
     */
    public void onFailure(StreamTask failed, String cause, boolean restartable) {
        OptionalLong acting = leadership.actingEpoch();
        OptionalLong epoch = acting.isPresent() ? acting : leadership.epoch();
        if (epoch.isEmpty()) {
            LOG.info("Not the leader: the failure of task {} is left to the leader", failed.id());
            return;
        }
        decide(failed, cause, restartable, epoch.getAsLong());
    }

    private void decide(StreamTask failed, String cause, boolean restartable, long epoch) {
        StreamJob job = jobs.selectById(failed.jobId());
        if (job == null) {
            return;
        }
        if (!restartable) {
            facts.publishEvent(new TaskFact.RestartBudgetSpent(job.id(), failed.id(), Text.of("alert.not-restartable",
                    "Job " + job.name() + " failed and will not be restarted: " + cause, job.name(), cause)));
            return;
        }
        if (!restartsOnFailure(job)) {
            return;
        }
        RestartPolicy policy = new RestartPolicy(properties.restart().maxAttempts(),
                properties.restart().initialBackoff(), properties.restart().maxBackoff(),
                properties.restart().failureRateWindow());
        RestartPolicy.Decision d = policy.decide(recentAutoRestarts(job.id()), Instant.now());
        if (!d.restart()) {
            // One text, the policy's numbers placed in it (a Chinese line cannot nest a second key).
            List<String> spent = d.why().args();
            facts.publishEvent(new TaskFact.RestartBudgetSpent(job.id(), failed.id(), Text.of("alert.budget-spent-job",
                    "Job " + job.name() + " failed and will not be restarted: " + d.reason() + "; last failure: "
                            + cause, job.name(), spent.get(0), spent.get(1), spent.get(2), cause)));
            return;
        }
        LOG.info("Job {} failed ({}); restarting in {} ms, {}", job.name(), cause, d.delay().toMillis(), d.reason());
        // Intent first: the due time survives this process; RestartScheduleRecovery resumes it after a restart.
        dueDates.updateDue(failed.id(), LocalDateTime.now().plus(d.delay()));
        resume(job.id(), failed.id(), d.delay(), epoch);
    }

    /**
     * Runs the restart of the failed task's job after {@code delay} (also for a due time read back when this node
     * took the lead), as an action of the term {@code epoch}.
     */
    public void resume(long jobId, long failedTaskId, Duration delay, long epoch) {
        scheduler.schedule(() -> restart(jobId, failedTaskId, epoch), Math.max(0, delay.toMillis()),
                TimeUnit.MILLISECONDS);
    }

    private void restart(long jobId, long failedTaskId, long epoch) {
        if (shutdown.isClosing()) {
            return; // the server is stopping: the due time stays, and the next leader runs the restart
        }
        if (!leadership.holds(epoch)) {
            LOG.info("Auto-restart of job {} not run: this node no longer leads in epoch {}", jobId, epoch);
            return;
        }
        StreamTask latest = tasks.selectLatest(jobId);
        if (latest == null || latest.id() != failedTaskId || latest.taskStatus() != TaskStatus.FAILED) {
            LOG.info("Job {} was handled meanwhile (latest task {}); skipping auto-restart", jobId,
                    latest == null ? null : latest.id());
            dueDates.claim(failedTaskId);
            return;
        }
        StreamJob job = jobs.selectById(jobId);
        try {
            // Fence, claim of the due time and the new task's intent commit together (or not at all).
            StartOutcome restarted = leadership.act(epoch, () -> dueDates.claim(failedTaskId) == 1,
                    () -> starts.start(jobId, job.submitUser(), null, StartCause.AUTO_RESTART));
            facts.publishEvent(new TaskFact.Restarted(jobId, restarted.taskId(), false));
        } catch (Leadership.Deposed | Leadership.Claimed e) {
            LOG.info("Auto-restart of job {} not run: {}", jobId, e.getMessage());
        } catch (RuntimeException e) {
            if (!leadership.holds(epoch)) {
                return;
            }
            // The failed start left its own FAILED task; count it and decide again.
            StreamTask failedStart = tasks.selectLatest(jobId);
            if (failedStart != null && failedStart.id() != failedTaskId
                    && failedStart.taskStatus() == TaskStatus.FAILED) {
                facts.publishEvent(new TaskFact.Failed(jobId, failedStart.id(), e.getMessage(), false));
                decide(failedStart, e.getMessage(), true, epoch);
            } else {
                facts.publishEvent(new TaskFact.RestartBudgetSpent(jobId, latest.id(), Text.of("alert.restart-not-made",
                        "Auto-restart of job " + job.name() + " could not be made: " + e.getMessage(), job.name(),
                        e.getMessage())));
            }
        }
    }

    /**
     * A start that brought a job back after a server restart failed. If it left a FAILED run, that is a failure
     * like any other (restarted within the budget, or alerted); if it failed before any run existed (e.g. the job
     * was banned meanwhile), nothing would ever try again, so that failure is published for the alert decider.
     */
    public void recoveryFailed(StreamTask previous, RuntimeException e) {
        StreamTask latest = tasks.selectLatest(previous.jobId());
        if (latest != null && latest.id() != previous.id() && latest.taskStatus() == TaskStatus.FAILED) {
            Text cause = Text.of("alert.recovery-failed", "recovery after a server restart failed: " + e.getMessage(),
                    e.getMessage());
            facts.publishEvent(new TaskFact.Failed(latest.jobId(), latest.id(), cause, false));
            onFailure(latest, cause.english());
            return;
        }
        StreamJob job = jobs.selectById(previous.jobId());
        if (job != null) {
            facts.publishEvent(new TaskFact.Failed(job.id(), previous.id(), Text.of("alert.not-brought-back", "Job "
                    + job.name() + " was not brought back after the server restart: " + e.getMessage(), job.name(),
                    e.getMessage()), false));
        }
    }

    /** The job's and the platform's switches allow restarting it after a failure (the budget is decided apart). */
    boolean restartsOnFailure(long jobId) {
        StreamJob job = jobs.selectById(jobId);
        return job != null && restartsOnFailure(job);
    }

    private boolean restartsOnFailure(StreamJob job) {
        return job.enable() && properties.restart().enabled()
                && effective.of(job).config().isOn(ConfigKeys.FAIL_RESTART_SWITCH);
    }

    private List<Instant> recentAutoRestarts(long jobId) {
        return tasks.selectRecent(jobId, HISTORY).stream()
                .filter(t -> "AUTO_RESTART".equals(t.startCause()) && t.startTime() != null)
                .map(t -> t.startTime().atZone(ZoneId.systemDefault()).toInstant()).toList();
    }

    @Override
    public void destroy() {
        scheduler.shutdownNow();
    }
}
