package io.streamis.jobmanager.alert;

import io.streamis.common.error.Text;
import io.streamis.config.definition.ConfigCatalog;
import io.streamis.jobmanager.job.JobMapper;
import io.streamis.jobmanager.job.StreamJob;
import io.streamis.jobmanager.lifecycle.EffectiveConfig;
import io.streamis.jobmanager.task.TaskFact;
import io.streamis.jobmanager.task.TaskMapper;
import io.streamis.jobmanager.task.StreamTask;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The one place that decides alerts. Observers publish {@link TaskFact}s; this listener hands each to its own
 * thread (the publisher returns at once) and, fact by fact in order, opens or resolves incidents by the job's
 * {@link AlertSettings}. It never acts on the job.
 */
@Component
public class AlertDecider implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(AlertDecider.class);
    private static final int HISTORY = 200;

    private final JobMapper jobs;
    private final TaskMapper tasks;
    private final EffectiveConfig effective;
    private final ConfigCatalog catalog;
    private final AlertService alerts;
    private final IncidentMapper incidents;
    /** Flink's own restarts per job (the platform's restarts are counted from the task table). */
    private final Map<Long, Deque<Instant>> flinkRestarts = new ConcurrentHashMap<>();
    private final ExecutorService worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(10_000), r -> {
                Thread t = new Thread(r, "streamis-alert-decide");
                t.setDaemon(true);
                return t;
            }, (r, pool) -> LOG.warn("Alert decisions are {} behind; a fact was dropped", pool.getQueue().size()));

    public AlertDecider(JobMapper jobs, TaskMapper tasks, EffectiveConfig effective, ConfigCatalog catalog,
                        AlertService alerts, IncidentMapper incidents) {
        this.incidents = incidents;
        this.jobs = jobs;
        this.tasks = tasks;
        this.effective = effective;
        this.catalog = catalog;
        this.alerts = alerts;
    }

    @EventListener
    public void on(TaskFact fact) {
        if (fact instanceof TaskFact.Started) {
            // No rule reads a start: not worth the job's and its config's reads on every start, which ran on the
            // other core while the start was launching.
            return;
        }
        worker.execute(() -> {
            try {
                decide(fact);
            } catch (RuntimeException e) {
                LOG.warn("Could not decide alerts for {}: {}", fact, e.toString(), e);
            }
        });
    }

    /** Decides one fact on the caller's thread; the listener calls it on the decider thread. */
    public void decide(TaskFact fact) {
        StreamJob job = jobs.selectById(fact.jobId());
        if (job == null) {
            return;
        }
        AlertSettings s = AlertSettings.of(effective.of(job).config(), catalog,
                job.submitUser() == null ? job.createBy() : job.submitUser());
        if (fact instanceof TaskFact.Failed f) {
            AlertRule rule = f.lost() ? AlertRule.JOB_LOST : AlertRule.JOB_FAILED;
            openIf(job, rule, s, f.taskId(), f.cause());
        } else if (fact instanceof TaskFact.RestartBudgetSpent f) {
            openIf(job, AlertRule.RESTART_BUDGET_SPENT, s, f.taskId(), f.reason());
        } else if (fact instanceof TaskFact.Restarted f) {
            if (f.byFlink()) {
                flinkRestarts.computeIfAbsent(job.id(), k -> new ArrayDeque<>()).addLast(Instant.now());
            }
            long n = restartsInWindow(job.id(), s.restartWindow());
            if (n >= s.restartCount()) {
                openIf(job, AlertRule.RESTARTS_IN_WINDOW, s, f.taskId(), Text.of("alert.restarts-in-window",
                        "restarted " + n + " times within " + s.restartWindow().toMinutes() + " min (threshold "
                                + s.restartCount() + ")", n, s.restartWindow().toMinutes(), s.restartCount()));
            }
        } else if (fact instanceof TaskFact.Running f) {
            for (Incident i : openIncidents(job.id())) {
                AlertRule rule = AlertRule.valueOf(i.rule());
                if (rule.resolvedByRunning()) {
                    alerts.resolve(job, i, s, Text.of("alert.resolved-running", "job " + job.name()
                            + " is running again (task " + f.taskId() + ")", job.name(), f.taskId()));
                }
            }
            resolveRestartsIfCalm(job, s);
        } else if (fact instanceof TaskFact.Stopped f) {
            // Whoever stopped the job took charge of it: what was open about its runs is over.
            openIncidents(job.id()).forEach(i -> alerts.resolve(job, i, s, Text.of("alert.resolved-stopped",
                    "job " + job.name() + " was stopped (task " + f.taskId() + ")", job.name(), f.taskId())));
        } else if (fact instanceof TaskFact.CheckpointsRead f) {
            checkpoints(job, s, f);
            resolveRestartsIfCalm(job, s);
        }
    }

    private void checkpoints(StreamJob job, AlertSettings s, TaskFact.CheckpointsRead f) {
        if (!s.checkpointing()) {
            return;
        }
        Long since = f.latestCompletedTs();
        if (since == null) {
            StreamTask t = f.taskId() == null ? null : tasks.selectById(f.taskId());
            since = t == null || t.startTime() == null ? null
                    : t.startTime().atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();
        }
        if (since != null) {
            Duration age = Duration.ofMillis(Math.max(0, System.currentTimeMillis() - since));
            if (age.compareTo(s.checkpointMaxAge()) > 0) {
                long limit = s.checkpointMaxAge().toMinutes();
                openIf(job, AlertRule.CHECKPOINT_STALE, s, f.taskId(), f.latestCompletedTs() == null
                        ? Text.of("alert.checkpoint-none", "no checkpoint completed since the run started "
                                + age.toMinutes() + " min ago (limit " + limit + " min)", age.toMinutes(), limit)
                        : Text.of("alert.checkpoint-stale", "the newest checkpoint completed " + age.toMinutes()
                                + " min ago (limit " + limit + " min)", age.toMinutes(), limit));
            } else if (f.latestCompletedTs() != null) {
                resolveRule(job, s, AlertRule.CHECKPOINT_STALE, Text.of("alert.resolved-checkpoint",
                        "a checkpoint completed " + age.toSeconds() + " s ago", age.toSeconds()));
            }
        }
        if (f.failedInARow() >= s.checkpointFailures()) {
            openIf(job, AlertRule.CHECKPOINT_FAILURES, s, f.taskId(), Text.of("alert.checkpoint-failures",
                    f.failedInARow() + " checkpoints failed in a row (threshold " + s.checkpointFailures() + ")",
                    f.failedInARow(), s.checkpointFailures()));
        } else if (f.failedInARow() == 0) {
            resolveRule(job, s, AlertRule.CHECKPOINT_FAILURES, Text.of("alert.resolved-checkpoints",
                    "checkpoints complete again"));
        }
    }

    private void resolveRestartsIfCalm(StreamJob job, AlertSettings s) {
        long n = restartsInWindow(job.id(), s.restartWindow());
        if (n < s.restartCount()) {
            resolveRule(job, s, AlertRule.RESTARTS_IN_WINDOW, Text.of("alert.resolved-restarts",
                    "restarts within the last " + s.restartWindow().toMinutes() + " min dropped to " + n,
                    s.restartWindow().toMinutes(), n));
        }
    }

    private void openIf(StreamJob job, AlertRule rule, AlertSettings s, Long taskId, Text text) {
        if (s.on(rule)) {
            alerts.open(job, rule, s, taskId, text);
        }
    }

    private void resolveRule(StreamJob job, AlertSettings s, AlertRule rule, Text resolution) {
        openIncidents(job.id()).stream().filter(i -> i.rule().equals(rule.name()))
                .forEach(i -> alerts.resolve(job, i, s, resolution));
    }

    private List<Incident> openIncidents(long jobId) {
        return incidents.selectOpenByJob(jobId);
    }

    /** Platform auto-restarts (durable, from the task table) plus Flink's own restarts seen by this server. */
    long restartsInWindow(long jobId, Duration window) {
        Instant from = Instant.now().minus(window);
        long platform = tasks.selectRecent(jobId, HISTORY).stream()
                .filter(t -> "AUTO_RESTART".equals(t.startCause()) && t.startTime() != null)
                .filter(t -> t.startTime().atZone(ZoneId.systemDefault()).toInstant().isAfter(from)).count();
        Deque<Instant> own = flinkRestarts.get(jobId);
        long flink = 0;
        if (own != null) {
            synchronized (own) {
                while (!own.isEmpty() && own.peekFirst().isBefore(from)) {
                    own.pollFirst();
                }
                flink = own.size();
            }
        }
        return platform + flink;
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
