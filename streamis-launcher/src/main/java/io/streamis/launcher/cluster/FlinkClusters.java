package io.streamis.launcher.cluster;

import io.streamis.launcher.client.FlinkClusterGateway;
import java.util.List;

/** The Flink clusters named in configuration (several at once). */
public interface FlinkClusters {

    FlinkClusterGateway get(String name);

    String defaultCluster();

    List<String> names();

    boolean isEmbedded(String name);
}
