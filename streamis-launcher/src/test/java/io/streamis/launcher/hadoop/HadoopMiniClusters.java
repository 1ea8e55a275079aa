package io.streamis.launcher.hadoop;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.server.MiniYARNCluster;

/**
 * A real single-node HDFS, optionally with a real YARN (ResourceManager + one NodeManager), in the test JVM,
 * with its client configuration written to a conf dir as a production HADOOP_CONF_DIR would hold it. Start fails
 * fast (a bounded wait) because a half-started MiniYARNCluster can hang the JVM (yarn-hdfs-notes §1).
 */
public final class HadoopMiniClusters implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    /** The ResourceManager's scheduler. */
    public enum Scheduler {
        /** One queue for everything; a submission's queue name is ignored. */
        FIFO,
        /**
         * Production's usual scheduler, with the single queue {@code default} (all of the cluster, AMs included): a
         * submission to any other queue is rejected, as on a real cluster.
         */
        CAPACITY
    }

    private final MiniDFSCluster dfs;
    private final MiniYARNCluster yarn;
    private final Path confDir;
    private final Configuration conf;

    private HadoopMiniClusters(MiniDFSCluster dfs, MiniYARNCluster yarn, Path confDir, Configuration conf) {
        this.dfs = dfs;
        this.yarn = yarn;
        this.confDir = confDir;
        this.conf = conf;
    }

    public static HadoopMiniClusters start(Path base, boolean withYarn) throws Exception {
        return start(base, withYarn, Scheduler.FIFO);
    }

    public static HadoopMiniClusters start(Path base, boolean withYarn, Scheduler scheduler) throws Exception {
        ExecutorService starter = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "hadoop-mini-start");
            t.setDaemon(true);
            return t;
        });
        try {
            Future<HadoopMiniClusters> f = starter.submit(() -> doStart(base, withYarn, scheduler));
            return f.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } finally {
            starter.shutdownNow();
        }
    }

    private static HadoopMiniClusters doStart(Path base, boolean withYarn, Scheduler scheduler) throws IOException {
        Configuration c = new Configuration();
        c.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, base.resolve("dfs").toString());
        c.setBoolean("dfs.permissions.enabled", false);
        MiniDFSCluster dfs = new MiniDFSCluster.Builder(c).numDataNodes(1).build();
        dfs.waitClusterUp();
        Configuration conf = new Configuration(dfs.getConfiguration(0));
        conf.set("fs.defaultFS", dfs.getFileSystem().getUri().toString());
        MiniYARNCluster yarn = null;
        if (withYarn) {
            YarnConfiguration y = new YarnConfiguration(conf);
            if (scheduler == Scheduler.CAPACITY) {
                y.set(YarnConfiguration.RM_SCHEDULER,
                        "org.apache.hadoop.yarn.server.resourcemanager.scheduler.capacity.CapacityScheduler");
                y.set("yarn.scheduler.capacity.root.queues", "default");
                y.set("yarn.scheduler.capacity.root.default.capacity", "100");
                // The default (10 %) would let one 768 MB JobManager run at a time on this 8 GB node.
                y.set("yarn.scheduler.capacity.maximum-am-resource-percent", "1.0");
            } else {
                y.set(YarnConfiguration.RM_SCHEDULER,
                        "org.apache.hadoop.yarn.server.resourcemanager.scheduler.fifo.FifoScheduler");
            }
            y.setInt(YarnConfiguration.RM_SCHEDULER_MINIMUM_ALLOCATION_MB, 256);
            y.setInt(YarnConfiguration.NM_PMEM_MB, 8192);
            y.setInt(YarnConfiguration.NM_VCORES, 16);
            y.setBoolean(YarnConfiguration.NM_VMEM_CHECK_ENABLED, false);
            y.setBoolean(YarnConfiguration.NM_PMEM_CHECK_ENABLED, false);
            y.setFloat(YarnConfiguration.NM_MAX_PER_DISK_UTILIZATION_PERCENTAGE, 99.9f);
            y.setInt(YarnConfiguration.RM_AM_MAX_ATTEMPTS, 1);
            y.setBoolean(YarnConfiguration.TIMELINE_SERVICE_ENABLED, false);
            // As production clusters do: an ended application's container logs go to HDFS ("yarn logs").
            y.setBoolean(YarnConfiguration.LOG_AGGREGATION_ENABLED, true);
            y.set(YarnConfiguration.NM_REMOTE_APP_LOG_DIR, "/tmp/logs");
            yarn = new MiniYARNCluster("streamis-test", 1, 1, 1);
            yarn.init(y);
            yarn.start();
            conf = new Configuration(yarn.getConfig());
        }
        Path confDir = Files.createDirectories(base.resolve("hadoop-conf"));
        // The mini clusters map racks with a test-only class that clients outside this JVM do not have.
        conf.set("net.topology.node.switch.mapping.impl", "org.apache.hadoop.net.ScriptBasedMapping");
        if (withYarn) {
            // Containers have no Hadoop installation here: give them the conf dir and the shaded client jars this
            // JVM uses (a production NodeManager supplies its own Hadoop classpath).
            conf.set(YarnConfiguration.YARN_APPLICATION_CLASSPATH, confDir + "," + String.join(",",
                    hadoopClientJars()));
        }
        // writeXml writes Hadoop's defaults as if a site file had set them; a production site file rarely sets the
        // clients' connect retries, so leave them out and let the platform's fail-fast defaults apply (YarnConnection).
        // Flink's deployment-failure shutdown hook (left behind by a deployment YARN rejected) then gives up within
        // seconds at JVM exit, after the mini clusters are gone, instead of retrying for 15 minutes.
        for (String key : new String[] {"yarn.resourcemanager.connect.max-wait.ms",
                "yarn.resourcemanager.connect.retry-interval.ms", "ipc.client.connect.max.retries",
                "ipc.client.connect.max.retries.on.timeouts"}) {
            conf.unset(key);
        }
        for (String name : new String[] {"core-site.xml", "hdfs-site.xml", "yarn-site.xml"}) {
            try (OutputStream out = Files.newOutputStream(confDir.resolve(name))) {
                conf.writeXml(out);
            }
        }
        return new HadoopMiniClusters(dfs, yarn, confDir, conf);
    }

    private static java.util.List<String> hadoopClientJars() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(p -> {
                    String n = Path.of(p).getFileName().toString();
                    return n.startsWith("hadoop-client-api") || n.startsWith("hadoop-client-runtime")
                            || n.startsWith("commons-logging");
                }).toList();
    }

    /** {@code hdfs://localhost:<port>} */
    public String hdfsUri() {
        return conf.get("fs.defaultFS");
    }

    public Configuration conf() {
        return conf;
    }

    /** A directory with core-, hdfs- and yarn-site.xml (what HADOOP_CONF_DIR points at in production). */
    public Path confDir() {
        return confDir;
    }

    public MiniYARNCluster yarn() {
        return yarn;
    }

    public MiniDFSCluster dfs() {
        return dfs;
    }

    @Override
    public void close() {
        if (yarn != null) {
            yarn.stop();
        }
        dfs.shutdown();
    }
}
