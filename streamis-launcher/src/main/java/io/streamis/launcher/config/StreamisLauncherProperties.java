package io.streamis.launcher.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the launcher (prefix {@code streamis.launcher}).
 *
 * @param dataDir        root of the launcher's files: embedded cluster dirs, built jars, default state root
 * @param stateRoot      URI under which per-job checkpoint/savepoint dirs are derived (default file://dataDir/state);
 *                       a cluster may name its own
 * @param defaultCluster cluster used when a job names none
 * @param clusters       named clusters; when empty there is one embedded cluster called {@code embedded}
 * @param embedded       the in-process MiniCluster
 * @param flinkLibDir    local directory of the Flink runtime jars shipped to YARN (built by streamis-flink-lib)
 */
@ConfigurationProperties(prefix = "streamis.launcher")
public record StreamisLauncherProperties(Path dataDir, String stateRoot, String defaultCluster,
                                         Map<String, Cluster> clusters, Embedded embedded, Path flinkLibDir) {

    public StreamisLauncherProperties {
        dataDir = (dataDir == null ? Path.of("data", "flink") : dataDir).toAbsolutePath().normalize();
        stateRoot = stateRoot == null || stateRoot.isBlank() ? dataDir.resolve("state").toUri().toString()
                : stateRoot;
        defaultCluster = defaultCluster == null || defaultCluster.isBlank() ? "embedded" : defaultCluster;
        clusters = clusters == null || clusters.isEmpty() ? Map.of("embedded", Cluster.embedded())
                : Map.copyOf(clusters);
        embedded = embedded == null ? new Embedded(null, null, null, null) : embedded;
        flinkLibDir = (flinkLibDir == null ? defaultFlinkLibDir() : flinkLibDir).toAbsolutePath().normalize();
    }

    /** The distribution's {@code flink-lib/}, or the build's output in a source tree (bin/ exports STREAMIS_HOME). */
    private static Path defaultFlinkLibDir() {
        String home = System.getenv("STREAMIS_HOME");
        Path root = Path.of(home == null || home.isBlank() ? "." : home);
        Path dist = root.resolve("flink-lib");
        return java.nio.file.Files.isDirectory(dist) ? dist : root.resolve("streamis-flink-lib/target/flink-lib");
    }

    /** The state root of a cluster: its own, else the launcher's. */
    public String stateRootOf(String cluster) {
        Cluster c = clusters.get(cluster);
        return c != null && c.stateRoot() != null && !c.stateRoot().isBlank() ? c.stateRoot() : stateRoot;
    }

    /**
     * @param type          {@code embedded}, {@code standalone}, {@code yarn-session} or {@code yarn-application}
     * @param restUrl       REST URL of a standalone session cluster
     * @param stateRoot     where this cluster's jobs keep state, e.g. {@code hdfs://nn:8020/streamis/state}
     * @param hadoopConfDir dir with core/hdfs/yarn-site.xml (default: HADOOP_CONF_DIR, then YARN_CONF_DIR)
     * @param applicationId YARN application id of the Flink session a {@code yarn-session} cluster attaches to
     * @param javaHome      JAVA_HOME of the YARN containers (default: the NodeManager's environment)
     * @param libRoot       where the Flink runtime is uploaded once per content hash (default: under stateRoot)
     */
    public record Cluster(String type, String restUrl, String stateRoot, String hadoopConfDir, String applicationId,
                          String javaHome, String libRoot) {

        public Cluster {
            type = type == null || type.isBlank() ? "embedded" : type.trim().toLowerCase(Locale.ROOT);
            if (ClusterType.of(type) == null) {
                throw new IllegalArgumentException("Flink cluster type '" + type + "' is not supported; use one of "
                        + ClusterType.names());
            }
        }

        static Cluster embedded() {
            return new Cluster("embedded", null, null, null, null, null, null);
        }

        public ClusterType clusterType() {
            return ClusterType.of(type);
        }

        public boolean isEmbedded() {
            return clusterType() == ClusterType.EMBEDDED;
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
