package io.streamis.jobmanager.monitor;

import io.streamis.common.job.TaskStatus;
import io.streamis.jobmanager.job.JobMapper;
import io.streamis.jobmanager.job.StreamJob;
import io.streamis.jobmanager.lease.LeaderDuty;
import io.streamis.jobmanager.lease.LeaderWrites;
import io.streamis.jobmanager.lease.Leadership;
import io.streamis.jobmanager.lifecycle.RunError;
import io.streamis.jobmanager.lifecycle.StartCause;
import io.streamis.jobmanager.lifecycle.StartService;
import io.streamis.jobmanager.operation.OperationMapper;
import io.streamis.jobmanager.task.StreamTask;
import io.streamis.jobmanager.task.TaskMapper;
import io.streamis.launcher.client.JobOverview;
import io.streamis.launcher.cluster.FlinkClusters;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Settles, when a node takes the lead (at server start for a single node), every task a stopped process left in
 * flight, by asking the cluster what really happened. Jobs of the embedded cluster died with the previous process
 * and are started again from their newest state; jobs of a standalone cluster kept running and are reattached,
 * not restarted. Tasks of processes still beating are theirs and left alone ({@link Leadership#orphans()}); every
 * write is the leader's, fenced with its epoch.
 */
@Component
@Order(10)
public class StartupRecovery implements LeaderDuty {

    private static final Logger LOG = LoggerFactory.getLogger(StartupRecovery.class);

    private final TaskMapper tasks;
    private final FlinkClusters clusters;
    private final StartService starts;
    private final JobMapper jobs;
    private final AutoRestarter restarter;
    private final Leadership leadership;
    private final LeaderWrites writes;
    private final OperationMapper operations;

    public StartupRecovery(TaskMapper tasks, FlinkClusters clusters, StartService starts, JobMapper jobs,
                           AutoRestarter restarter, Leadership leadership, LeaderWrites writes,
                           OperationMapper operations) {
        this.operations = operations;
        this.leadership = leadership;
        this.writes = writes;
        this.tasks = tasks;
        this.clusters = clusters;
        this.starts = starts;
        this.jobs = jobs;
        this.restarter = restarter;
    }

    /**
     * Settles every in-flight task, also this process's own, as the current leader: what a test that staged a
     * crash in the database drives directly.
     */
    public void run(ApplicationArguments args) {
        leadership.epoch().ifPresent(epoch -> settleAll(epoch, null));
    }

    @Override
    public void takeOver(long epoch) {
        settleAll(epoch, leadership.orphans());
    }

    /** @param orphans which tasks are nobody's (those of live processes are skipped); null: every task */
    private void settleAll(long epoch, Leadership.Orphans orphans) {
        int listed = jobs.repairListStatus();
        if (listed > 0) {
            LOG.info("Put right the list status of {} job(s) whose latest run changed as a process died", listed);
        }
        // Every active state, WAIT_RESTART included: shutdown savepoints those tasks too, so they come back as well.
        List<Integer> inFlight = Arrays.stream(TaskStatus.values()).filter(x -> x.isActive() || x.isTransitional())
                .map(TaskStatus::code).toList();
        // One overview per cluster for the whole pass: on YARN an overview is a ResourceManager query plus a call
        // per application, so asking once per task would grow with the square of the number of jobs.
        Map<String, Map<String, JobOverview>> overviews = new HashMap<>();
        for (StreamTask t : tasks.selectByStatuses(inFlight)) {
            if (orphans != null && !orphans.orphaned(t.serverInstance(), t.startTime())) {
                continue; // a live node's run: it settles its own start or stop
            }
            if (!leadership.holds(epoch)) {
                return;
            }
            try {
                leadership.act(epoch, () -> true, () -> {
                    settle(t, cluster -> overviews.computeIfAbsent(cluster, c -> clusters.get(c).jobsOverview()));
                    return null;
                });
            } catch (RuntimeException e) {
                LOG.warn("Could not settle task {} of job {}: {}", t.id(), t.jobId(), e.toString());
            }
        }
    }

    void settle(StreamTask t) {
        settle(t, cluster -> clusters.get(cluster).jobsOverview());
    }

    private void settle(StreamTask t, Function<String, Map<String, JobOverview>> overviewOf) {
        TaskStatus s = t.taskStatus();
        if (t.cluster() == null || !clusters.names().contains(t.cluster())) {
            writes.transitionWithError(t.id(), s.code(), TaskStatus.FAILED.code(),
                    RunError.CLUSTER_GONE.english(t.cluster()));
            return;
        }
        if (clusters.isEmbedded(t.cluster())) {
            settleEmbedded(t);
            return;
        }
        if (s == TaskStatus.STOPPING && !operations.selectUnsettledOfTask(t.id()).isEmpty()) {
            // Its intent and Flink's trigger id are recorded: the operation's reconciler finishes the stop (and
            // records its savepoint) as it would have on the node that asked.
            LOG.info("Task {} (job {}) is stopping; its operation is followed", t.id(), t.jobId());
            return;
        }
        if (s == TaskStatus.STARTING && t.flinkJobId() != null) {
            // Its Flink job id was recorded with the intent. Whether it runs, fails restoring, or never reached Flink
            // (then unlisted past the start timeout) is the reconciler's verdict, as for any start: settling an
            // unlisted run here would race a submission Flink is still completing.
            LOG.info("Task {} (job {}) is still starting on {} as Flink job {}; the monitor follows it", t.id(),
                    t.jobId(), t.cluster(), t.flinkJobId());
            return;
        }
        Map<String, JobOverview> overview = overviewOf.apply(t.cluster());
        if (s == TaskStatus.STARTING && adoptByName(t, overview)) {
            return;
        }
        Optional<JobOverview> job = Optional.ofNullable(t.flinkJobId()).map(overview::get);
        boolean alive = job.map(j -> !j.state().isGloballyTerminal()).orElse(false);
        switch (s) {
            // Without a Flink job id and not adopted by name: the start never reached Flink.
            case STARTING -> writes.transitionWithError(t.id(), s.code(), TaskStatus.FAILED.code(),
                    RunError.STOPPED_WHILE_STARTING.english());
            case STOPPING -> writes.transitionWithError(t.id(), s.code(), alive ? TaskStatus.RUNNING.code()
                    : TaskStatus.STOPPED.code(), alive ? RunError.STOP_INTERRUPTED.english() : null);
            default -> LOG.info("Reattached task {} (job {}) on cluster {}: {}", t.id(), t.jobId(), t.cluster(),
                    job.map(j -> j.state().name()).orElse("missing"));
        }
    }

    /**
     * A start recorded before Flink job ids were chosen up front (an older release) may have died after Flink
     * accepted the run but before the job id was written. A live job named {@code <project>.<job>} that started
     * after the task is that run: adopt it rather than leave it untracked (or start a second copy).
     */
    private boolean adoptByName(StreamTask t, Map<String, JobOverview> overview) {
        StreamJob job = jobs.selectById(t.jobId());
        if (job == null || t.startTime() == null) {
            return false;
        }
        String name = job.projectName() + "." + job.name();
        long since = t.startTime().atZone(ZoneId.systemDefault()).toInstant().toEpochMilli() - 1000;
        Optional<JobOverview> found = overview.values().stream()
                .filter(o -> name.equals(o.name()) && !o.state().isGloballyTerminal() && o.startTime() >= since)
                .findFirst();
        if (found.isEmpty()) {
            return false;
        }
        tasks.updateLaunched(t.id(), found.get().jobId(), t.linkisJobInfo(), t.restoredFrom());
        writes.transitionWithError(t.id(), TaskStatus.STARTING.code(), TaskStatus.RUNNING.code(),
                RunError.ADOPTED.english(found.get().jobId()));
        LOG.info("Adopted Flink job {} for task {} of job {}", found.get().jobId(), t.id(), name);
        return true;
    }

    /**
     * The embedded cluster died with the previous process. Compare-and-set from the status read just before, and
     * re-read once if the monitor moved the task meanwhile (RUNNING → LOST), so the job is restarted exactly once.
     */
    private void settleEmbedded(StreamTask task) {
        StreamTask t = task;
        for (int attempt = 0; attempt < 3 && t != null; attempt++) {
            TaskStatus s = t.taskStatus();
            if (!s.isActive() && !s.isTransitional()) {
                return;
            }
            boolean wasRunning = s != TaskStatus.STOPPING;
            TaskStatus to = wasRunning ? TaskStatus.FAILED : TaskStatus.STOPPED;
            if (writes.transitionWithError(t.id(), s.code(), to.code(),
                    RunError.EMBEDDED_GONE.english()) == 1) {
                if (wasRunning) {
                    LOG.info("Restarting job {} from its newest state after server restart", t.jobId());
                    restart(t);
                }
                return;
            }
            t = tasks.selectById(t.id());
        }
    }

    private void restart(StreamTask t) {
        try {
            starts.start(t.jobId(), t.submitUser(), null, StartCause.RECOVERY);
        } catch (RuntimeException e) {
            LOG.warn("Recovery start of job {} failed: {}", t.jobId(), e.getMessage());
            restarter.recoveryFailed(t, e);
        }
    }
}
