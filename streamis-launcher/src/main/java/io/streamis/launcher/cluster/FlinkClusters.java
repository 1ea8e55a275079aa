package io.streamis.launcher.cluster;

import io.streamis.launcher.client.FlinkClusterGateway;
import java.util.List;

/** The Flink clusters named in configuration (several at once). */
public interface FlinkClusters {

    ClusterTarget target(String name);

    default FlinkClusterGateway get(String name) {
        return target(name).gateway();
    }

    String defaultCluster();

    List<String> names();

    boolean isEmbedded(String name);

    /** Whether a start on this cluster deploys its own application (asynchronous, resources per job). */
    default boolean isPerJob(String name) {
        return target(name).type().isPerJob();
    }
}
