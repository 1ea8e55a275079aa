package io.streamis.jobmanager.monitor;

import io.streamis.common.job.TaskStatus;
import io.streamis.jobmanager.StreamisJobManagerProperties;
import io.streamis.jobmanager.job.JobMapper;
import io.streamis.jobmanager.job.StreamJob;
import io.streamis.jobmanager.restore.RestorePoint;
import io.streamis.jobmanager.restore.RestorePoints;
import io.streamis.jobmanager.task.StreamTask;
import io.streamis.jobmanager.task.TaskMapper;
import io.streamis.launcher.cluster.FlinkClusters;
import io.streamis.launcher.launch.JobLauncher;
import io.streamis.launcher.state.StateLocations;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.stereotype.Component;

/**
 * The embedded cluster dies with the server. Before it does, every job running on it stops with a savepoint
 * recorded as its run's restore point; the task stays RUNNING so the next start of the server brings the job back
 * from exactly that point (see {@link StartupRecovery}).
 *
 * <p>This is a {@link SmartLifecycle} stop, not a destroy method: lifecycle stops run, in phase order, before any
 * bean is destroyed, so the datasource and the MiniCluster are certainly still open while the savepoints are taken
 * and written (the H2 URL must not close itself on JVM exit either, see the server's H2 settings). The phase is
 * below the web server's graceful shutdown and stop phases: no request can start or stop a job meanwhile. The
 * close's first event already announces that savepoints are due, before any of those phases: a stop script with a
 * short grace period must not kill the process while the web server is still draining.
 */
@Component
public class ShutdownSavepoints implements SmartLifecycle, ApplicationListener<ContextClosedEvent> {

    /** After the web server stopped (Boot uses DEFAULT_PHASE - 1024 and - 2048), before everything else. */
    public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;
    /** Jobs savepointed at the same time; each savepoint is mostly waiting on Flink. */
    static final int PARALLEL = 4;
    private static final Logger LOG = LoggerFactory.getLogger(ShutdownSavepoints.class);

    private final TaskMapper tasks;
    private final JobMapper jobs;
    private final FlinkClusters clusters;
    private final JobLauncher launcher;
    private final StateLocations locations;
    private final RestorePoints points;
    private final StreamisJobManagerProperties properties;
    private final ShutdownGate gate;
    private final ObjectProvider<ShutdownListener> listeners;
    private volatile boolean running;

    public ShutdownSavepoints(TaskMapper tasks, JobMapper jobs, FlinkClusters clusters, JobLauncher launcher,
                              StateLocations locations, RestorePoints points, StreamisJobManagerProperties properties,
                              ShutdownGate gate, ObjectProvider<ShutdownListener> listeners) {
        this.tasks = tasks;
        this.jobs = jobs;
        this.clusters = clusters;
        this.launcher = launcher;
        this.locations = locations;
        this.points = points;
        this.properties = properties;
        this.gate = gate;
        this.listeners = listeners;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    /** The first thing a close does, before any lifecycle stops: announce the savepoints that will be due. */
    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        try {
            int jobs = embeddedRunning().size();
            if (jobs > 0) {
                Duration upTo = gateWait().plus(savepointsTake(jobs));
                listeners.orderedStream().forEach(l -> l.shutdownBegun(jobs, upTo));
            }
        } catch (RuntimeException e) {
            LOG.warn("Cannot announce the shutdown savepoints early: {}", e.toString());
        }
    }

    /** Synchronous on purpose: the lifecycle's per-phase timeout must not cut N jobs' savepoints short. */
    @Override
    public void stop() {
        running = false;
        Duration each = properties.restart().shutdownSavepointTimeout();
        if (!gate.close(gateWait())) {
            LOG.warn("A monitor poll is still running; taking the shutdown savepoints anyway");
        }
        List<StreamTask> embedded = embeddedRunning();
        if (embedded.isEmpty()) {
            return;
        }
        Duration total = savepointsTake(embedded.size());
        Instant expectedBy = Instant.now().plus(total);
        listeners.orderedStream().forEach(l -> l.savepointsStarting(embedded.size(), expectedBy));
        LOG.info("Stopping {} embedded job(s) with savepoints before the server stops (up to {} s)",
                embedded.size(), total.toSeconds());
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(PARALLEL, embedded.size()), r -> {
            Thread t = new Thread(r, "streamis-shutdown-savepoint");
            t.setDaemon(true);
            return t;
        });
        try {
            embedded.forEach(t -> pool.execute(() -> savepoint(t, each)));
            pool.shutdown();
            if (!pool.awaitTermination(total.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("Shutdown savepoints did not all finish within {} s", total.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            pool.shutdownNow();
        }
    }

    private List<StreamTask> embeddedRunning() {
        return tasks.selectByStatuses(List.of(TaskStatus.RUNNING.code(), TaskStatus.WAIT_RESTART.code())).stream()
                .filter(t -> t.cluster() != null && t.flinkJobId() != null && clusters.isEmbedded(t.cluster()))
                .toList();
    }

    /** The longest a monitor poll in flight keeps the savepoints waiting. */
    private Duration gateWait() {
        return properties.monitor().interval().plus(Duration.ofSeconds(10));
    }

    private Duration savepointsTake(int jobs) {
        int rounds = (jobs + PARALLEL - 1) / PARALLEL;
        return properties.restart().shutdownSavepointTimeout().multipliedBy(rounds).plusSeconds(5);
    }

    private void savepoint(StreamTask t, Duration timeout) {
        try {
            StreamJob job = jobs.selectById(t.jobId());
            String path = launcher.stopWithSavepoint(t.cluster(), t.flinkJobId(),
                    locations.savepointDir(t.cluster(), job.projectName(), job.name()).toString(), timeout);
            points.savepointed(t, path, RestorePoint.Origin.STOP);
            LOG.info("Job {} stopped with savepoint {} for the server shutdown", job.name(), path);
        } catch (RuntimeException e) {
            LOG.warn("No shutdown savepoint for task {} (it restarts from its newest checkpoint): {}", t.id(),
                    e.getMessage());
        }
    }
}
