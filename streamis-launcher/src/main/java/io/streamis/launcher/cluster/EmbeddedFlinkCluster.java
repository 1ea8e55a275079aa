package io.streamis.launcher.cluster;

import io.streamis.common.error.ErrorCode;
import io.streamis.launcher.client.FlinkClusterException;
import io.streamis.launcher.config.StreamisLauncherProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
 *
 * <p>The server starts it in the background ({@link #startInBackground()}): its few seconds overlap the rest of the
 * server's start instead of adding to it. Whoever needs it meanwhile waits for it ({@link #restUrl()}), and
 * {@link #awaitStarted()} lets the server hold its start-up runners (recovery) until it is up.
 */
public class EmbeddedFlinkCluster implements AutoCloseable {

    /** How long a caller (a start, a poll) waits for a cluster still starting before it is told so. */
    static final Duration STARTING_WAIT = Duration.ofSeconds(60);
    /** How long a started cluster may take until its REST endpoint serves (leader retrieval), on a loaded machine. */
    private static final Duration REST_SERVING_WAIT = Duration.ofSeconds(60);
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedFlinkCluster.class);

    /** Where the cluster is in its life. */
    public enum Phase {
        /** Not asked to start yet (it starts on first use). */
        NOT_STARTED,
        /** Starting, on the background thread or a caller's. */
        STARTING,
        /** Answering on its REST URL. */
        UP,
        /** Its start failed; it is not retried (the server refuses to become ready). */
        FAILED,
        /** Closed with the server. */
        CLOSED
    }

    /**
     * What the health endpoint and the start-up timeline show.
     *
     * @param startedAt when the start began (null before)
     * @param took      how long the start took (null until it ended)
     * @param restUrl   the REST URL once up
     * @param failure   why the start failed
     */
    public record State(Phase phase, Instant startedAt, Duration took, String restUrl, String failure) {
    }

    private final StreamisLauncherProperties properties;
    /** Completes with the REST URL, or exceptionally when the start failed; null until a start was asked for. */
    private volatile CompletableFuture<String> started;
    private volatile MiniCluster cluster;
    private volatile Instant startedAt;
    private volatile Duration took;
    private volatile String failure;
    private volatile boolean closed;
    /** TaskManagers ever started: MiniCluster keeps terminated ones in its list, so the newest is the last. */
    private final AtomicInteger taskManagersStarted = new AtomicInteger(1);

    public EmbeddedFlinkCluster(StreamisLauncherProperties properties) {
        this.properties = properties;
    }

    /** Starts the cluster on a thread of its own, once; returns at once. */
    public void startInBackground() {
        CompletableFuture<String> f;
        synchronized (this) {
            if (started != null) {
                return;
            }
            f = new CompletableFuture<>();
            started = f;
        }
        Thread t = new Thread(() -> run(f), "streamis-embedded-flink-start");
        t.setDaemon(true);
        t.start();
    }

    /** Starts the cluster once (in the calling thread unless a start is under way) and returns its REST URL. */
    public String start() {
        CompletableFuture<String> f;
        boolean mine = false;
        synchronized (this) {
            if (started == null) {
                started = new CompletableFuture<>();
                mine = true;
            }
            f = started;
        }
        if (mine) {
            run(f);
        }
        return await(f, null);
    }

    /** Waits, without a bound, until a start asked for has ended; throws if it failed. No-op if none was asked for. */
    public void awaitStarted() {
        CompletableFuture<String> f = started;
        if (f != null) {
            await(f, null);
        }
    }

    private void run(CompletableFuture<String> f) {
        // Under the monitor: close() waits for a start in progress rather than race it.
        synchronized (this) {
            startedAt = Instant.now();
            long t0 = System.nanoTime();
            try {
                if (closed) {
                    throw new IllegalStateException("closed before it started");
                }
                String url = startMiniCluster();
                took = Duration.ofNanos(System.nanoTime() - t0);
                LOG.info("Embedded Flink cluster started at {} with {} slots in {} ms", url,
                        properties.embedded().slots(), took.toMillis());
                f.complete(url);
            } catch (Throwable e) {
                // Anything, errors included: a start that never completes would hold every waiter forever.
                took = Duration.ofNanos(System.nanoTime() - t0);
                failure = "Cannot start the embedded Flink cluster: " + e.getMessage();
                LOG.error(failure, e);
                f.completeExceptionally(new IllegalStateException(failure, e));
            }
        }
    }

    private String startMiniCluster() throws Exception {
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
        try {
            mc.start();
            String url = mc.getRestAddress().get().toString();
            awaitRestServing(url);
            cluster = mc;
            return url;
        } catch (Exception e) {
            mc.close();
            throw e;
        }
    }

    /**
     * The REST address is known before the endpoint has found the dispatcher: until then every call answers 503
     * "ongoing leader election" (a recovery start right after the cluster came up failed on it). Up means serving.
     */
    private static void awaitRestServing(String url) throws InterruptedException {
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(2)).build();
        java.net.http.HttpRequest overview = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url
                + "/overview")).timeout(Duration.ofSeconds(5)).GET().build();
        long deadline = System.nanoTime() + REST_SERVING_WAIT.toNanos();
        int last = 0;
        while (System.nanoTime() < deadline) {
            try {
                last = http.send(overview, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
                if (last == 200) {
                    return;
                }
            } catch (java.io.IOException e) {
                last = -1;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the cluster's REST endpoint " + url + " did not serve within "
                + REST_SERVING_WAIT.toSeconds() + " s (last answer " + last + ")");
    }

    /**
     * @param bound how long to wait; null waits until the start ends
     */
    private static String await(CompletableFuture<String> f, Duration bound) {
        try {
            return bound == null ? f.get() : f.get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the embedded Flink cluster", e);
        } catch (TimeoutException e) {
            throw new FlinkClusterException(ErrorCode.FLINK_UNAVAILABLE, 0, "The embedded Flink cluster is still"
                    + " starting (waited " + bound.toSeconds() + " s); try again in a moment");
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

    /** The REST URL; starts the cluster if nobody did, and waits (bounded) for a start under way. */
    public String restUrl() {
        if (closed) {
            throw new FlinkClusterException(ErrorCode.FLINK_UNAVAILABLE, 0, "The embedded Flink cluster is closed"
                    + " (the server is stopping)");
        }
        CompletableFuture<String> f = started;
        return f == null ? start() : await(f, STARTING_WAIT);
    }

    public State state() {
        CompletableFuture<String> f = started;
        if (closed) {
            return new State(Phase.CLOSED, startedAt, took, null, null);
        }
        if (f == null) {
            return new State(Phase.NOT_STARTED, null, null, null, null);
        }
        if (!f.isDone()) {
            return new State(Phase.STARTING, startedAt, null, null, null);
        }
        if (f.isCompletedExceptionally()) {
            return new State(Phase.FAILED, startedAt, took, null, failure);
        }
        return new State(Phase.UP, startedAt, took, f.join(), null);
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
        closed = true;
        if (cluster != null) {
            cluster.close();
            cluster = null;
        }
    }
}
