package io.streamis.jobmanager.lifecycle;

import io.streamis.config.definition.DefinitionOverrides;
import io.streamis.config.value.JobConfig;
import java.util.Map;
import io.streamis.launcher.cluster.FlinkClusters;
import org.springframework.stereotype.Component;

/**
 * Which cluster a job runs on: its own choice (produce group), else the launcher's default. The config form offers
 * and the validation accepts exactly the configured clusters; empty means the default (so changing the server's
 * default moves every job that did not choose).
 */
@Component
public class ClusterChoice implements DefinitionOverrides {

    /** Per-job cluster choice; takes effect at the job's next start. */
    public static final String CLUSTER_KEY = "wds.streamis.flink.cluster";

    private final FlinkClusters clusters;

    public ClusterChoice(FlinkClusters clusters) {
        this.clusters = clusters;
    }

    @Override
    public Map<String, KeyOptions> overrides() {
        return Map.of(CLUSTER_KEY, new KeyOptions(clusters.names(), null));
    }

    public String of(JobConfig config) {
        return config.get(CLUSTER_KEY).filter(s -> !s.isBlank()).orElse(clusters.defaultCluster());
    }
}
