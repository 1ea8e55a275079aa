package io.streamis.launcher.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamis.common.error.StreamisException;
import io.streamis.launcher.client.RestFlinkClusterGateway;
import io.streamis.launcher.config.ClusterType;
import io.streamis.launcher.config.StreamisLauncherProperties;
import io.streamis.launcher.yarn.FlinkRuntimeLibrary;
import io.streamis.launcher.yarn.YarnApplicationDeployer;
import io.streamis.launcher.yarn.YarnApplicationGateway;
import io.streamis.launcher.yarn.YarnConnection;
import io.streamis.launcher.yarn.YarnDeploymentSettings;
import io.streamis.launcher.yarn.YarnSessionAddress;
import io.streamis.launcher.yarn.YarnTags;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/** The clusters named in {@code streamis.launcher.clusters}, each as a session or a per-job application target. */
public class ConfiguredFlinkClusters implements FlinkClusters, AutoCloseable {

    private final StreamisLauncherProperties properties;
    private final Map<String, ClusterTarget> targets = new LinkedHashMap<>();
    private final List<YarnConnection> connections = new ArrayList<>();

    public ConfiguredFlinkClusters(StreamisLauncherProperties properties, EmbeddedFlinkCluster embedded,
                                   ObjectMapper json) {
        this(properties, embedded, json, () -> null);
    }

    /**
     * {@code installationId}: the id every node of this installation shares (asked only when a yarn-application
     * cluster is configured); its applications carry it as a tag, so another installation's are never taken for
     * ours. Null: untagged, as before.
     */
    public ConfiguredFlinkClusters(StreamisLauncherProperties properties, EmbeddedFlinkCluster embedded,
                                   ObjectMapper json, Supplier<String> installationId) {
        this.properties = properties;
        FlinkRuntimeLibrary library = new FlinkRuntimeLibrary(properties.flinkLibDir());
        new TreeMap<>(properties.clusters()).forEach((name, c) -> targets.put(name, switch (c.clusterType()) {
            case EMBEDDED -> new ClusterTarget.Session(name, ClusterType.EMBEDDED,
                    new RestFlinkClusterGateway(name, () -> {
                        if (!properties.embedded().enabled()) {
                            throw StreamisException.illegalState("cluster.embedded-disabled",
                                    "The embedded Flink cluster is disabled"
                                    + " (streamis.launcher.embedded.enabled=false)");
                        }
                        return embedded.restUrl();
                    }, json));
            case STANDALONE -> {
                if (c.restUrl() == null || c.restUrl().isBlank()) {
                    throw new IllegalStateException("streamis.launcher.clusters." + name + ".rest-url is required"
                            + " for a standalone cluster");
                }
                yield new ClusterTarget.Session(name, ClusterType.STANDALONE,
                        new RestFlinkClusterGateway(name, c::restUrl, json));
            }
            case YARN_SESSION -> {
                YarnConnection yarn = connection(name, c);
                YarnSessionAddress address = new YarnSessionAddress(name, yarn, c.applicationId(), c.restUrl());
                yield new ClusterTarget.Session(name, ClusterType.YARN_SESSION,
                        new RestFlinkClusterGateway(name, address::restUrl, json));
            }
            case YARN_APPLICATION -> {
                YarnConnection yarn = connection(name, c);
                String libRoot = c.libRoot() != null && !c.libRoot().isBlank() ? c.libRoot()
                        : stripSlash(properties.stateRootOf(name)) + "/_flink-lib";
                String installationTag = YarnTags.installation(installationId.get());
                YarnDeploymentSettings settings = new YarnDeploymentSettings(libRoot, c.javaHome(),
                        FlinkJvmFlags.JAVA_17, properties.dataDir().resolve("yarn"), installationTag);
                yield new ClusterTarget.Application(name, ClusterType.YARN_APPLICATION,
                        new YarnApplicationGateway(name, yarn, json, installationTag),
                        new YarnApplicationDeployer(name, yarn, library, settings));
            }
        }));
        if (!targets.containsKey(properties.defaultCluster())) {
            throw new IllegalStateException("streamis.launcher.default-cluster '" + properties.defaultCluster()
                    + "' is not one of the configured clusters " + targets.keySet());
        }
    }

    private YarnConnection connection(String name, StreamisLauncherProperties.Cluster c) {
        YarnConnection y = new YarnConnection(name, c.hadoopConfDir());
        connections.add(y);
        return y;
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    @Override
    public ClusterTarget target(String name) {
        ClusterTarget t = targets.get(name);
        if (t == null) {
            throw StreamisException.notFound("cluster", "Flink cluster '" + name
                    + "' is not configured (configured: " + targets.keySet() + ")", name, targets.keySet());
        }
        return t;
    }

    @Override
    public String defaultCluster() {
        return properties.defaultCluster();
    }

    @Override
    public List<String> names() {
        return List.copyOf(targets.keySet());
    }

    @Override
    public boolean isEmbedded(String name) {
        ClusterTarget t = targets.get(name);
        return t != null && t.type() == ClusterType.EMBEDDED;
    }

    @Override
    public void close() {
        connections.forEach(YarnConnection::close);
    }
}
