package io.streamis.launcher.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamis.launcher.cluster.ConfiguredFlinkClusters;
import io.streamis.launcher.cluster.EmbeddedFlinkCluster;
import io.streamis.launcher.cluster.InstallationId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the launcher: the embedded cluster (started in the background when enabled, awaited before the start-up
 * runners that may need it) and the named clusters.
 */
@Configuration
public class LauncherConfiguration {

    /** The embedded cluster's bean name. */
    public static final String EMBEDDED_CLUSTER = "embeddedFlinkCluster";

    /** Whether the embedded cluster starts with the server: enabled, and a configured cluster is the embedded one. */
    public static boolean startsEmbedded(StreamisLauncherProperties properties) {
        return properties.embedded().enabled() && properties.clusters().values().stream()
                .anyMatch(StreamisLauncherProperties.Cluster::isEmbedded);
    }

    /**
     * Unless the server registered the cluster before the context started (it starts it earlier that way); that
     * definition exists before any configuration class is read, so the condition sees it.
     */
    @Bean(name = EMBEDDED_CLUSTER, destroyMethod = "close")
    @ConditionalOnMissingBean(EmbeddedFlinkCluster.class)
    EmbeddedFlinkCluster embeddedFlinkCluster(StreamisLauncherProperties properties) {
        EmbeddedFlinkCluster cluster = new EmbeddedFlinkCluster(properties);
        if (startsEmbedded(properties)) {
            cluster.startInBackground();
        }
        return cluster;
    }

    @Bean
    EmbeddedClusterReady embeddedClusterReady(EmbeddedFlinkCluster cluster) {
        return new EmbeddedClusterReady(cluster);
    }

    /** Without an {@link InstallationId} bean (the launcher on its own) YARN applications are not tagged by one. */
    @Bean(destroyMethod = "close")
    ConfiguredFlinkClusters flinkClusters(StreamisLauncherProperties properties, EmbeddedFlinkCluster embedded,
                                ObjectMapper json, ObjectProvider<InstallationId> installation) {
        return new ConfiguredFlinkClusters(properties, embedded, json, () -> {
            InstallationId id = installation.getIfAvailable();
            return id == null ? null : id.get();
        });
    }
}
