package io.streamis.jobmanager.monitor;

import io.streamis.common.job.TaskStatus;
import io.streamis.jobmanager.StreamisJobManagerProperties;
import io.streamis.jobmanager.lease.Leadership;
import io.streamis.jobmanager.task.StreamTask;
import io.streamis.jobmanager.task.TaskMapper;
import io.streamis.launcher.client.JobOverview;
import io.streamis.launcher.cluster.FlinkClusters;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * The observer: every interval it asks each cluster once for {@code /jobs/overview} (never once per job) and
 * hands one {@link Observation} per active task to the reconciler. It records facts and never acts. Only the
 * leader polls ({@link Leadership}); each reconciliation is an action of its term, so a deposed node's writes are
 * refused.
 */
@Component
public class TaskMonitor implements SchedulingConfigurer {

    private static final Logger LOG = LoggerFactory.getLogger(TaskMonitor.class);
    /** Active runs, plus STARTING ones: every start is decided by the reconciler. */
    static final List<Integer> WATCHED = Arrays.stream(TaskStatus.values())
            .filter(s -> s.isActive() || s == TaskStatus.STARTING).map(TaskStatus::code).toList();
    private static final List<Integer> STARTING = List.of(TaskStatus.STARTING.code());

    private final TaskMapper tasks;
    private final FlinkClusters clusters;
    private final TaskReconciler reconciler;
    private final StartRequests requests;
    private final StreamisJobManagerProperties properties;
    private final ShutdownGate gate;
    private final Leadership leadership;
    private final ApplicationEventPublisher facts;
    /** When each task last had its checkpoint read; the least recently read go first. */
    private final Map<Long, Long> checkpointReadAt = new ConcurrentHashMap<>();

    public TaskMonitor(TaskMapper tasks, FlinkClusters clusters, TaskReconciler reconciler, StartRequests requests,
                       StreamisJobManagerProperties properties, ShutdownGate gate, Leadership leadership,
                       ApplicationEventPublisher facts) {
        this.requests = requests;
        this.facts = facts;
        this.tasks = tasks;
        this.clusters = clusters;
        this.reconciler = reconciler;
        this.properties = properties;
        this.gate = gate;
        this.leadership = leadership;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (properties.monitor().enabled()) {
            registrar.addFixedDelayTask(() -> gate.runUnlessClosing(this::pollSafely), properties.monitor().interval());
        }
    }

    private void pollSafely() {
        try {
            poll();
        } catch (RuntimeException e) {
            LOG.warn("Monitor poll failed: {}", e.toString(), e);
        }
    }

    /** One poll cycle; public so tests and the recovery can drive it deterministically. */
    public void poll() {
        OptionalLong term = leadership.epoch();
        if (term.isEmpty()) {
            return;
        }
        long t0 = System.nanoTime();
        int observed = observe(term.getAsLong(), tasks.selectByStatuses(WATCHED), true).size();
        facts.publishEvent(new MonitorCycle(Duration.ofNanos(System.nanoTime() - t0), observed));
    }

    /**
     * Observes only the tasks that are STARTING (the start follower's pass, between regular cycles); no checkpoint
     * is read. Returns how many of them could be observed, -1 on a follower. A session start still in its launch
     * request is left out: its request decides it until Flink answers ({@link StartRequests}), and asking Flink
     * about it meanwhile would only compete with that launch for the CPU; the request wakes the start follower
     * when Flink answers. The monitor's cycle still looks at it (a start whose requester died is decided there).
     */
    public int pollStarting() {
        OptionalLong term = leadership.epoch();
        if (term.isEmpty()) {
            return -1;
        }
        List<StreamTask> starting = tasks.selectByStatuses(STARTING).stream()
                .filter(t -> !requests.inLaunchRequest(t)).toList();
        return starting.isEmpty() ? 0 : observe(term.getAsLong(), starting, false).size();
    }

    /** One {@code /jobs/overview} per cluster, one observation per task, each reconciled as an action of the term. */
    private List<Observation> observe(long epoch, List<StreamTask> watched, boolean readCheckpoints) {
        Map<String, List<StreamTask>> byCluster = new LinkedHashMap<>();
        Set<String> known = new HashSet<>(clusters.names());
        for (StreamTask t : watched) {
            // A task without a Flink job id is a start an older release recorded and left in its request.
            if (t.cluster() != null && t.flinkJobId() != null && known.contains(t.cluster())) {
                byCluster.computeIfAbsent(t.cluster(), c -> new ArrayList<>()).add(t);
            }
        }
        Set<Long> refresh = readCheckpoints ? checkpointBudget(byCluster) : Set.of();
        List<Observation> observations = new ArrayList<>();
        byCluster.forEach((cluster, list) -> {
            Map<String, JobOverview> overview = null;
            try {
                overview = clusters.get(cluster).jobsOverview();
            } catch (RuntimeException e) {
                LOG.warn("Cluster {} unreachable: {}", cluster, e.toString());
            }
            for (StreamTask t : list) {
                observations.add(new Observation(t, overview != null, overview == null ? null
                        : overview.get(t.flinkJobId()), refresh.contains(t.id())));
            }
        });
        for (Observation o : observations) {
            if (!leadership.holds(epoch)) {
                break; // the term ended mid-cycle: the new leader polls for itself
            }
            leadership.act(epoch, null, () -> {
                reconciler.reconcile(o);
                return null;
            });
        }
        return observations;
    }

    /** The tasks whose checkpoint is read this cycle: at most the configured budget, least recently read first. */
    private Set<Long> checkpointBudget(Map<String, List<StreamTask>> byCluster) {
        List<StreamTask> all = byCluster.values().stream().flatMap(List::stream).toList();
        Set<Long> live = new HashSet<>();
        all.forEach(t -> live.add(t.id()));
        checkpointReadAt.keySet().retainAll(live);
        long now = System.nanoTime();
        Set<Long> chosen = new HashSet<>();
        all.stream().sorted(Comparator.comparingLong(t -> checkpointReadAt.getOrDefault(t.id(), Long.MIN_VALUE)))
                .limit(properties.monitor().checkpointReadsPerCycle())
                .forEach(t -> {
                    chosen.add(t.id());
                    checkpointReadAt.put(t.id(), now);
                });
        return chosen;
    }
}
