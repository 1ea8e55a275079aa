package io.streamis.launcher.cluster;

import io.streamis.launcher.config.StreamisLauncherProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.io.FileUtils;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-process Flink cluster (MiniCluster with web submission), the default target. It lives and dies with
 * the server; its temp and state directories are under the launcher data dir, uploads under java.io.tmpdir
 * (flink-notes P16, and {@link #uploadDir()}).
 * Closed from the Spring bean's destroy method, never a JVM shutdown hook (flink-notes §11).
 */
public class EmbeddedFlinkCluster implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedFlinkCluster.class);

    private final StreamisLauncherProperties properties;
    private volatile MiniCluster cluster;
    private volatile String restUrl;
    /** TaskManagers ever started: MiniCluster keeps terminated ones in its list, so the newest is the last. */
    private final AtomicInteger taskManagersStarted = new AtomicInteger(1);

    public EmbeddedFlinkCluster(StreamisLauncherProperties properties) {
        this.properties = properties;
    }

    /** Starts the cluster once; later calls return its REST URL. */
    public synchronized String start() {
        if (cluster != null) {
            return restUrl;
        }
        try {
            Path root = properties.dataDir().resolve("embedded");
            Path tmp = root.resolve("tmp");
            FileUtils.deleteQuietly(tmp.toFile());
            Files.createDirectories(tmp);
            Path upload = Files.createDirectories(uploadDir());
            Configuration conf = new Configuration();
            conf.setString("rest.bind-address", "127.0.0.1");
            conf.setString("rest.address", "127.0.0.1");
            conf.setString("rest.bind-port", String.valueOf(properties.embedded().restPort()));
            conf.setString("rest.port", String.valueOf(properties.embedded().restPort()));
            conf.setString("web.submit.enable", "true");
            conf.setString("web.cancel.enable", "true");
            conf.setString("web.upload.dir", upload.toString());
            conf.setString("io.tmp.dirs", tmp.toString());
            conf.setString("taskmanager.memory.managed.size", properties.embedded().managedMemory());
            conf.setString("execution.checkpointing.num-retained", "3");
            conf.setString("execution.checkpointing.savepoint-dir", properties.stateRoot() + "_default/savepoints");
            conf.setString("web.refresh-interval", "1000");
            conf.setString("rest.flamegraph.enabled", "false");
            MiniCluster mc = new MiniCluster(new MiniClusterConfiguration.Builder().setConfiguration(conf)
                    .setNumTaskManagers(1).setNumSlotsPerTaskManager(properties.embedded().slots()).build());
            mc.start();
            restUrl = mc.getRestAddress().get().toString();
            cluster = mc;
            LOG.info("Embedded Flink cluster started at {} with {} slots", restUrl, properties.embedded().slots());
            return restUrl;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the embedded Flink cluster: " + e.getMessage(), e);
        }
    }

    /**
     * One upload directory per JVM: Flink's upload handler stores the multipart base directory in a static of
     * (shaded) Netty, so the last MiniCluster started in a JVM decides where every cluster's uploads are spooled;
     * a per-cluster directory deleted with its cluster would break the uploads of the others. It lives under
     * {@code java.io.tmpdir}, which the bin/ scripts point into the data directory (flink-notes P16).
     */
    static Path uploadDir() {
        return Path.of(System.getProperty("java.io.tmpdir"), "streamis-flink-web-upload");
    }

    public String restUrl() {
        String url = restUrl;
        return url != null ? url : start();
    }

    /** The running MiniCluster, for operations REST cannot do (tests kill and add TaskManagers). */
    public MiniCluster miniCluster() {
        start();
        return cluster;
    }

    /** Kills the newest TaskManager (what a machine loss does to the jobs on it); waits until it is gone. */
    public void killNewestTaskManager() throws Exception {
        miniCluster().terminateTaskManager(taskManagersStarted.get() - 1).get();
    }

    /** Adds a TaskManager with the configured slots. */
    public void addTaskManager() throws Exception {
        miniCluster().startTaskManager();
        taskManagersStarted.incrementAndGet();
    }

    @Override
    public synchronized void close() throws Exception {
        if (cluster != null) {
            cluster.close();
            cluster = null;
            restUrl = null;
        }
    }
}
