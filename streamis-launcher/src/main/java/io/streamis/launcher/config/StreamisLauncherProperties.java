package io.streamis.launcher.config;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the launcher (prefix {@code streamis.launcher}).
 *
 * @param dataDir        root of the launcher's files: embedded cluster dirs, built jars, default state root
 * @param stateRoot      URI under which per-job checkpoint/savepoint dirs are derived (default file://dataDir/state)
 * @param defaultCluster cluster used when a job names none
 * @param clusters       named clusters; when empty there is one embedded cluster called {@code embedded}
 * @param embedded       the in-process MiniCluster
 */
@ConfigurationProperties(prefix = "streamis.launcher")
public record StreamisLauncherProperties(Path dataDir, String stateRoot, String defaultCluster,
                                         Map<String, Cluster> clusters, Embedded embedded) {

    public StreamisLauncherProperties {
        dataDir = (dataDir == null ? Path.of("data", "flink") : dataDir).toAbsolutePath().normalize();
        stateRoot = stateRoot == null || stateRoot.isBlank() ? dataDir.resolve("state").toUri().toString()
                : stateRoot;
        defaultCluster = defaultCluster == null || defaultCluster.isBlank() ? "embedded" : defaultCluster;
        clusters = clusters == null || clusters.isEmpty() ? Map.of("embedded", new Cluster("embedded", null))
                : Map.copyOf(clusters);
        embedded = embedded == null ? new Embedded(null, null, null, null) : embedded;
    }

    /**
     * @param type    {@code embedded} or {@code standalone}
     * @param restUrl REST URL of a standalone session cluster
     */
    public record Cluster(String type, String restUrl) {
        public boolean isEmbedded() {
            return type == null || "embedded".equalsIgnoreCase(type);
        }
    }

    /**
     * @param enabled  start the MiniCluster with the server (tests that need no Flink turn it off)
     * @param restPort REST port; 0 picks a free one
     * @param slots    task slots of its one TaskManager
     * @param managedMemory managed memory of the TaskManager, e.g. 128m
     */
    public record Embedded(Boolean enabled, Integer restPort, Integer slots, String managedMemory) {
        public Embedded {
            enabled = enabled == null ? Boolean.TRUE : enabled;
            restPort = restPort == null ? 0 : restPort;
            slots = slots == null ? 16 : slots;
            managedMemory = managedMemory == null ? "128m" : managedMemory;
        }
    }
}
