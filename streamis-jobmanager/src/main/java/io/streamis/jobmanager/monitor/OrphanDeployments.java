package io.streamis.jobmanager.monitor;

import io.streamis.common.job.TaskStatus;
import io.streamis.jobmanager.lease.Leadership;
import io.streamis.jobmanager.task.TaskMapper;
import io.streamis.launcher.cluster.FlinkClusters;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Ends per-job deployments no run claims. Flink and YARN know no lease epochs: a node frozen or cut off while it
 * deployed an application can finish the deployment after the leader settled that run and started another, and the
 * late application would run the job a second time, watched by nobody. After each monitor cycle the leader asks
 * every per-job target for the applications this installation deployed; one whose Flink job id no unfinished run
 * claims, for a whole grace period, is shut down (killed when its Flink does not answer).
 */
@Component
class OrphanDeployments {

    private static final Logger LOG = LoggerFactory.getLogger(OrphanDeployments.class);
    /** Longer than a stop's shutdown of its application takes to show in YARN, so a run just over is not chased. */
    static final Duration GRACE = Duration.ofSeconds(15);
    private static final List<Integer> OVER = Arrays.stream(TaskStatus.values()).filter(TaskStatus::isTerminal)
            .map(TaskStatus::code).toList();

    private final TaskMapper tasks;
    private final FlinkClusters clusters;
    private final Leadership leadership;
    private final LongSupplier nanoClock;
    /** When each unclaimed deployment ("cluster|flinkJobId") was first seen unclaimed. */
    private final Map<String, Long> unclaimedSince = new ConcurrentHashMap<>();

    @Autowired
    OrphanDeployments(TaskMapper tasks, FlinkClusters clusters, Leadership leadership) {
        this(tasks, clusters, leadership, System::nanoTime);
    }

    OrphanDeployments(TaskMapper tasks, FlinkClusters clusters, Leadership leadership, LongSupplier nanoClock) {
        this.tasks = tasks;
        this.clusters = clusters;
        this.leadership = leadership;
        this.nanoClock = nanoClock;
    }

    @EventListener
    void afterCycle(MonitorCycle cycle) {
        sweep();
    }

    /** One pass over the per-job targets; returns the deployments ended. */
    int sweep() {
        OptionalLong term = leadership.epoch();
        if (term.isEmpty()) {
            unclaimedSince.clear(); // a new term looks afresh: its grace starts when it sees them
            return 0;
        }
        int ended = 0;
        Set<String> stillUnclaimed = new HashSet<>();
        for (String cluster : clusters.names()) {
            if (clusters.isPerJob(cluster)) {
                ended += sweep(term.getAsLong(), cluster, stillUnclaimed);
            }
        }
        unclaimedSince.keySet().retainAll(stillUnclaimed);
        return ended;
    }

    private int sweep(long epoch, String cluster, Set<String> stillUnclaimed) {
        Set<String> deployed;
        try {
            deployed = clusters.get(cluster).deployments();
        } catch (RuntimeException e) {
            LOG.debug("Cannot list the deployments of cluster {}: {}", cluster, e.toString());
            unclaimedSince.keySet().stream().filter(k -> k.startsWith(cluster + "|")).forEach(stillUnclaimed::add);
            return 0;
        }
        if (deployed.isEmpty()) {
            return 0;
        }
        Set<String> unclaimed = new HashSet<>(deployed);
        tasks.selectClaimedFlinkJobIds(deployed, OVER).forEach(unclaimed::remove);
        long now = nanoClock.getAsLong();
        int ended = 0;
        for (String flinkJobId : unclaimed) {
            String key = cluster + "|" + flinkJobId;
            long since = unclaimedSince.computeIfAbsent(key, k -> now);
            if (now - since < GRACE.toNanos()) {
                stillUnclaimed.add(key);
            } else if (leadership.holds(epoch)) {
                LOG.warn("Ending the application of Flink job {} on cluster {}: no unfinished run claims it (deployed"
                        + " by a node that lost its lease, or left behind by a run already settled)", flinkJobId,
                        cluster);
                try {
                    clusters.get(cluster).release(flinkJobId);
                    ended++;
                } catch (RuntimeException e) {
                    LOG.warn("Could not end the application of Flink job {}: {}", flinkJobId, e.toString());
                    stillUnclaimed.add(key);
                }
            }
        }
        return ended;
    }
}
