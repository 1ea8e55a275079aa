package io.streamis.jobmanager.monitor;

import io.streamis.jobmanager.StreamisJobManagerProperties;
import io.streamis.jobmanager.lease.Leadership;
import io.streamis.jobmanager.task.StreamTask;
import io.streamis.launcher.cluster.FlinkClusters;
import org.springframework.stereotype.Component;

/**
 * Whether a session start is still its launch request's to decide. The run's Flink job id is recorded with the
 * intent, so the cluster may list the run, even failed, before the request has Flink's answer; the request judges
 * that answer itself (a refused restore point steps back there), and a second judgement here would start a second
 * step back. The reconciler decides once the answer is recorded, when the process that sent the request no longer
 * lives (nobody else would), or when the start's timeout has passed. A per-job deployment's background thread and
 * the reconciler already settle by compare-and-set, and the thread hands on only what it settled itself.
 */
@Component
class StartRequests {

    private final FlinkClusters clusters;
    private final Leadership leadership;
    private final StreamisJobManagerProperties properties;

    StartRequests(FlinkClusters clusters, Leadership leadership, StreamisJobManagerProperties properties) {
        this.clusters = clusters;
        this.leadership = leadership;
        this.properties = properties;
    }

    /** Asked only for a STARTING run its cluster lists, so the lookup of live nodes is rare and brief. */
    boolean stillDecide(StreamTask t) {
        if (!inLaunchRequest(t) || StartReconciler.age(t).compareTo(properties.operationTimeout()) >= 0) {
            return false;
        }
        return !leadership.orphans().orphaned(t.serverInstance(), t.startTime());
    }

    /**
     * A session start whose launch request has no answer from Flink recorded yet (a per-job deployment is not one:
     * see above; nor is a run on a cluster no longer configured, which the recovery settles).
     */
    boolean inLaunchRequest(StreamTask t) {
        return t.launchedAt() == null && t.cluster() != null && clusters.names().contains(t.cluster())
                && !clusters.isPerJob(t.cluster());
    }
}
