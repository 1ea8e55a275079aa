package io.streamis.jobmanager.lifecycle;

import io.streamis.config.value.JobConfig;
import io.streamis.launcher.cluster.FlinkClusters;
import org.springframework.stereotype.Component;

/** Which cluster a job runs on: its own choice (a free key of the produce group), else the launcher's default. */
@Component
public class ClusterChoice {

    /** Per-job cluster choice; takes effect at the job's next start. */
    public static final String CLUSTER_KEY = "wds.streamis.flink.cluster";

    private final FlinkClusters clusters;

    public ClusterChoice(FlinkClusters clusters) {
        this.clusters = clusters;
    }

    public String of(JobConfig config) {
        return config.get(CLUSTER_KEY).filter(s -> !s.isBlank()).orElse(clusters.defaultCluster());
    }
}
