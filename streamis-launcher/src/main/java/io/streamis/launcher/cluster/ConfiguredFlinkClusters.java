package io.streamis.launcher.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamis.common.error.StreamisException;
import io.streamis.launcher.client.FlinkClusterGateway;
import io.streamis.launcher.client.RestFlinkClusterGateway;
import io.streamis.launcher.config.StreamisLauncherProperties;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The clusters named in {@code streamis.launcher.clusters}, each behind a REST gateway. */
public class ConfiguredFlinkClusters implements FlinkClusters {

    private final StreamisLauncherProperties properties;
    private final Map<String, FlinkClusterGateway> gateways = new LinkedHashMap<>();

    public ConfiguredFlinkClusters(StreamisLauncherProperties properties, EmbeddedFlinkCluster embedded,
                                   ObjectMapper json) {
        this.properties = properties;
        new TreeMap<>(properties.clusters()).forEach((name, c) -> {
            if (c.isEmbedded()) {
                gateways.put(name, new RestFlinkClusterGateway(name, () -> {
                    if (!properties.embedded().enabled()) {
                        throw StreamisException.illegalState("The embedded Flink cluster is disabled"
                                + " (streamis.launcher.embedded.enabled=false)");
                    }
                    return embedded.restUrl();
                }, json));
            } else {
                if (c.restUrl() == null || c.restUrl().isBlank()) {
                    throw new IllegalStateException("streamis.launcher.clusters." + name + ".rest-url is required"
                            + " for a standalone cluster");
                }
                gateways.put(name, new RestFlinkClusterGateway(name, c::restUrl, json));
            }
        });
        if (!gateways.containsKey(properties.defaultCluster())) {
            throw new IllegalStateException("streamis.launcher.default-cluster '" + properties.defaultCluster()
                    + "' is not one of the configured clusters " + gateways.keySet());
        }
    }

    @Override
    public FlinkClusterGateway get(String name) {
        FlinkClusterGateway g = gateways.get(name);
        if (g == null) {
            throw StreamisException.notFound("Flink cluster '" + name + "' is not configured (configured: "
                    + gateways.keySet() + ")");
        }
        return g;
    }

    @Override
    public String defaultCluster() {
        return properties.defaultCluster();
    }

    @Override
    public List<String> names() {
        return List.copyOf(gateways.keySet());
    }

    @Override
    public boolean isEmbedded(String name) {
        StreamisLauncherProperties.Cluster c = properties.clusters().get(name);
        return c != null && c.isEmbedded();
    }
}
