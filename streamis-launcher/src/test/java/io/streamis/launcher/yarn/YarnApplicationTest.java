package io.streamis.launcher.yarn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamis.launcher.client.CheckpointStats;
import io.streamis.launcher.client.FlinkClusterGateway;
import io.streamis.launcher.client.JobOverview;
import io.streamis.launcher.client.LogPage;
import io.streamis.launcher.cluster.ConfiguredFlinkClusters;
import io.streamis.launcher.cluster.EmbeddedFlinkCluster;
import io.streamis.launcher.config.StreamisLauncherProperties;
import io.streamis.launcher.hadoop.HadoopMiniClusters;
import io.streamis.launcher.launch.JobKind;
import io.streamis.launcher.launch.LaunchResult;
import io.streamis.launcher.launch.LaunchSpec;
import io.streamis.launcher.launch.RestJobLauncher;
import io.streamis.launcher.state.FileSystemStateStorage;
import io.streamis.launcher.state.ScannedState;
import io.streamis.launcher.state.StateKind;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.JobID;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stateful SQL job as real Flink applications on a real YARN with state on a real HDFS (both in this JVM): run,
 * checkpoint to HDFS, JobManager container log, stop with a savepoint, restore from it in a new application (Flink's
 * own {@code latest.restored}), never two applications per job, and a killed application leaving its newest HDFS
 * checkpoint behind for the next start.
 */
class YarnApplicationTest {

    private static final Duration DEPLOY = Duration.ofSeconds(240);
    private static final String SQL = """
            CREATE TABLE src (k INT, v STRING) WITH ('connector'='datagen','rows-per-second'='20',
              'fields.k.min'='1','fields.k.max'='10');
            CREATE TABLE snk (k INT, c BIGINT) WITH ('connector'='blackhole');
            INSERT INTO snk SELECT k, COUNT(*) FROM src GROUP BY k;
            """;

    @TempDir
    static Path base;
    static HadoopMiniClusters hadoop;
    static ConfiguredFlinkClusters clusters;
    static RestJobLauncher launcher;
    static String stateRoot;
    /** The test's own view of the ResourceManager (what an operator's `yarn application -list` shows). */
    static org.apache.hadoop.yarn.client.api.YarnClient rm;

    @BeforeAll
    static void start() throws Exception {
        // The capacity scheduler, as production runs: it refuses a queue that does not exist (FIFO ignores queues).
        hadoop = HadoopMiniClusters.start(base, true, HadoopMiniClusters.Scheduler.CAPACITY);
        stateRoot = hadoop.hdfsUri() + "/streamis/state";
        StreamisLauncherProperties props = new StreamisLauncherProperties(base.resolve("launcher"), null, "yarn",
                Map.of("yarn", new StreamisLauncherProperties.Cluster("yarn-application", null, stateRoot,
                        hadoop.confDir().toString(), null, System.getProperty("java.home"), null)),
                new StreamisLauncherProperties.Embedded(false, null, null, null),
                Path.of(System.getProperty("streamis.flinkLibDir")));
        clusters = new ConfiguredFlinkClusters(props, new EmbeddedFlinkCluster(props), new ObjectMapper());
        launcher = new RestJobLauncher(clusters, props);
        rm = org.apache.hadoop.yarn.client.api.YarnClient.createYarnClient();
        rm.init(hadoop.conf());
        rm.start();
    }

    @AfterAll
    static void stop() {
        if (rm != null) {
            rm.stop();
        }
        if (clusters != null) {
            clusters.close();
        }
        if (hadoop != null) {
            hadoop.close();
        }
    }

    private static LaunchSpec spec(long jobId, String restorePath) {
        return spec("yarn", jobId, restorePath);
    }

    private static LaunchSpec spec(String cluster, long jobId, String restorePath) {
        Map<String, String> conf = Map.of(
                "execution.checkpointing.interval", "1000ms",
                "execution.checkpointing.externalized-checkpoint-retention", "RETAIN_ON_CANCELLATION",
                "execution.checkpointing.dir", checkpoints(jobId).toString(),
                "execution.checkpointing.savepoint-dir", savepoints(jobId).toString(),
                "jobmanager.memory.process.size", "768m",
                "taskmanager.memory.process.size", "1024m");
        return new LaunchSpec(cluster, "p.j" + jobId, JobKind.SQL, SQL, null, null, List.of(), List.of(), List.of(),
                1, restorePath, false, conf, "sql", new LaunchSpec.Owner(jobId, "p", "j" + jobId, "v00001",
                JobID.generate().toHexString()));
    }

    private static URI checkpoints(long jobId) {
        return URI.create(stateRoot + "/p/j" + jobId + "/checkpoints");
    }

    private static URI savepoints(long jobId) {
        return URI.create(stateRoot + "/p/j" + jobId + "/savepoints");
    }

    private static FlinkClusterGateway gateway() {
        return clusters.get("yarn");
    }

    private static void awaitAllTasksRunning(String flinkJobId) {
        Awaitility.await().atMost(DEPLOY).pollInterval(Duration.ofSeconds(1)).until(() -> {
            JobOverview o = gateway().jobsOverview().get(flinkJobId);
            return o != null && o.allTasksRunning();
        });
    }

    private static List<ScannedState> awaitCheckpointOnHdfs(long jobId, String flinkJobId) {
        FileSystemStateStorage storage = new FileSystemStateStorage();
        return Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> storage.scan(checkpoints(jobId), savepoints(jobId)).stream()
                        .filter(s -> flinkJobId.equals(s.flinkJobId())).toList(), l -> !l.isEmpty());
    }

    private static YarnApplicationState state(String applicationId) throws Exception {
        return rm.getApplicationReport(ApplicationId.fromString(applicationId)).getYarnApplicationState();
    }

    @Test
    void aStateRootThatCannotBeWrittenFailsTheStartAndLeavesNothingOnYarn() throws Exception {
        int dead;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            dead = socket.getLocalPort();
        }
        String badRoot = "hdfs://127.0.0.1:" + dead + "/streamis/state";
        StreamisLauncherProperties props = new StreamisLauncherProperties(base.resolve("launcher-bad"), null, "bad",
                Map.of("bad", new StreamisLauncherProperties.Cluster("yarn-application", null, badRoot,
                        hadoop.confDir().toString(), null, System.getProperty("java.home"), null)),
                new StreamisLauncherProperties.Embedded(false, null, null, null),
                Path.of(System.getProperty("streamis.flinkLibDir")));
        try (ConfiguredFlinkClusters bad = new ConfiguredFlinkClusters(props, new EmbeddedFlinkCluster(props),
                new ObjectMapper())) {
            RestJobLauncher badLauncher = new RestJobLauncher(bad, props);
            assertThatThrownBy(() -> badLauncher.launch(spec("bad", 7, null)))
                    .hasMessageContaining("Cannot upload the Flink runtime to " + badRoot);
        }
        assertThat(rm.getApplications(java.util.Set.of("Apache Flink"), java.util.EnumSet.allOf(
                YarnApplicationState.class), java.util.Set.of("streamis-job-7"))).isEmpty();
    }

    @Test
    void aQueueThatDoesNotExistFailsTheStartNamingItAndLeavesNothingRunning() throws Exception {
        LaunchSpec usual = spec(8, null);
        Map<String, String> conf = new java.util.HashMap<>(usual.flinkConfiguration());
        conf.put("yarn.application.queue", "no_such_queue");
        LaunchSpec spec = new LaunchSpec(usual.cluster(), usual.pipelineName(), usual.kind(), usual.sqlScript(),
                usual.mainJar(), usual.mainClass(), usual.args(), usual.dependencyJars(), usual.resources(),
                usual.parallelism(), null, false, conf, usual.artifactKey(), usual.owner());
        assertThatThrownBy(() -> launcher.launch(spec)).hasMessageContaining("YARN deployment of job j8")
                .hasMessageContaining("unknown queue: no_such_queue");
        assertThat(rm.getApplications(java.util.Set.of("Apache Flink"), YarnConnection.LIVE,
                java.util.Set.of("streamis-job-8"))).as("nothing left running on YARN").isEmpty();
    }

    @Test
    void statefulSqlJobRunsCheckpointsToHdfsStopsWithSavepointAndRestoresInANewApplication() throws Exception {
        LaunchSpec first = spec(1, null);
        LaunchResult run1 = launcher.launch(first);
        assertThat(run1.applicationId()).startsWith("application_");
        assertThat(run1.flinkJobId()).isEqualTo(first.owner().flinkJobId());
        awaitAllTasksRunning(run1.flinkJobId());
        List<ScannedState> chks = awaitCheckpointOnHdfs(1, run1.flinkJobId());
        assertThat(chks).allSatisfy(c -> assertThat(c.path()).startsWith("hdfs://"));

        LogPage log = gateway().jobManagerLog(run1.flinkJobId(), 0, 2000, "YarnApplicationClusterEntryPoint", null);
        assertThat(log.logs()).isNotEmpty().allSatisfy(l -> assertThat(l).contains("YarnApplicationClusterEntryPoint"));

        assertThatThrownBy(() -> launcher.launch(spec(1, null))).hasMessageContaining("already has a live YARN"
                + " application " + run1.applicationId());

        String savepoint = launcher.stopWithSavepoint("yarn", run1.flinkJobId(), savepoints(1).toString(),
                Duration.ofSeconds(120));
        assertThat(savepoint).startsWith("hdfs://").contains("/p/j1/savepoints/savepoint-");
        launcher.release("yarn", run1.flinkJobId());
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> state(run1.applicationId()),
                s -> s == YarnApplicationState.FINISHED || s == YarnApplicationState.KILLED);

        LaunchResult run2 = launcher.launch(spec(1, savepoint));
        assertThat(run2.applicationId()).isNotEqualTo(run1.applicationId());
        awaitAllTasksRunning(run2.flinkJobId());
        CheckpointStats stats = gateway().checkpoints(run2.flinkJobId());
        assertThat(stats.latestRestored()).isNotNull();
        assertThat(stats.latestRestored().path()).isEqualTo(savepoint);

        // Killed behind the platform's back: the job disappears from the overview (LOST, then FAILED) and its
        // newest checkpoint stays on HDFS for the restart.
        List<ScannedState> run2Chks = awaitCheckpointOnHdfs(1, run2.flinkJobId());
        ((YarnApplicationGateway) gateway()).kill(run2.flinkJobId());
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> !gateway().jobsOverview()
                .containsKey(run2.flinkJobId()));
        assertThat(state(run2.applicationId())).isEqualTo(YarnApplicationState.KILLED);
        // What the reconciler reads when a deployment vanishes before its job ran: YARN's own account of the end.
        assertThat(gateway().endedDeployment(run2.flinkJobId())).hasValueSatisfying(d -> assertThat(d)
                .contains("YARN application " + run2.applicationId() + " ended KILLED"));
        assertThat(gateway().endedDeployment(run1.flinkJobId())).hasValueSatisfying(d -> assertThat(d)
                .contains(run1.applicationId()));
        assertThat(gateway().endedDeployment("0123456789abcdef0123456789abcdef")).isEmpty();

        // An ended application's logs are what YARN aggregated: the JobManager's from the master container.
        LogPage ended = Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2))
                .until(() -> gateway().jobManagerLog(run1.flinkJobId(), 1, 2000, "YarnApplicationClusterEntryPoint",
                        null), p -> !p.logs().isEmpty());
        assertThat(ended.logPath()).isEqualTo("yarn logs -applicationId " + run1.applicationId()
                + " -log_files jobmanager.log");
        assertThat(ended.logs()).allSatisfy(l -> assertThat(l).contains("YarnApplicationClusterEntryPoint"));
        assertThat(gateway().taskManagerLog(run1.flinkJobId(), 1, 2000, "TaskExecutor", null).logs()).isNotEmpty()
                .noneMatch(l -> l.contains("YarnApplicationClusterEntryPoint"));
        ScannedState newest = run2Chks.stream().max(Comparator.comparingLong(ScannedState::checkpointId)).orElseThrow();
        assertThat(new FileSystemStateStorage().isUsable(newest.path())).isTrue();
        assertThat(newest.kind()).isEqualTo(StateKind.CHECKPOINT);
    }
}
