package io.streamis.launcher.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamis.launcher.cluster.ConfiguredFlinkClusters;
import io.streamis.launcher.cluster.EmbeddedFlinkCluster;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the launcher: the embedded cluster (started in the background when enabled, awaited before the start-up
 * runners that may need it) and the named clusters.
 */
@Configuration
public class LauncherConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedFlinkCluster embeddedFlinkCluster(StreamisLauncherProperties properties) {
        EmbeddedFlinkCluster cluster = new EmbeddedFlinkCluster(properties);
        if (properties.embedded().enabled() && properties.clusters().values().stream()
                .anyMatch(StreamisLauncherProperties.Cluster::isEmbedded)) {
            cluster.startInBackground();
        }
        return cluster;
    }

    @Bean
    EmbeddedClusterReady embeddedClusterReady(EmbeddedFlinkCluster cluster) {
        return new EmbeddedClusterReady(cluster);
    }

    @Bean(destroyMethod = "close")
    ConfiguredFlinkClusters flinkClusters(StreamisLauncherProperties properties, EmbeddedFlinkCluster embedded,
                                ObjectMapper json) {
        return new ConfiguredFlinkClusters(properties, embedded, json);
    }
}
