package io.streamis.server.flink;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamis.common.job.TaskStatus;
import io.streamis.jobmanager.lifecycle.StartCause;
import io.streamis.jobmanager.lifecycle.StartOutcome;
import io.streamis.jobmanager.lifecycle.StartService;
import io.streamis.jobmanager.lifecycle.StopService;
import io.streamis.jobmanager.job.JobMapper;
import io.streamis.jobmanager.task.StreamTask;
import io.streamis.jobmanager.task.TaskMapper;
import io.streamis.jobmanager.upload.JobImportService;
import io.streamis.launcher.client.JobOverview;
import io.streamis.launcher.cluster.FlinkClusters;
import io.streamis.server.StreamisServerApplication;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.commons.io.FileUtils;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real standalone Flink session cluster (separate JVMs, built from Maven Central jars by
 * flink-cluster/start-cluster.sh): a job keeps running while the server is down and the restarted server
 * reattaches to it instead of restarting it.
 */
class StandaloneReattachTest {

    static final Path CLUSTER_HOME = Path.of("..", "flink-cluster").toAbsolutePath().normalize();
    static Path runDir;
    static String restUrl;

    @BeforeAll
    static void startCluster() throws Exception {
        runDir = Files.createTempDirectory("streamis-flink-run");
        ProcessBuilder pb = new ProcessBuilder(CLUSTER_HOME.resolve("start-cluster.sh").toString(), runDir.toString());
        pb.environment().put("FLINK_REST_PORT", String.valueOf(freePort()));
        pb.environment().put("FLINK_RPC_PORT", String.valueOf(freePort()));
        pb.environment().put("FLINK_SLOTS", "2");
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        Process p = pb.start();
        if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("standalone cluster did not start; see " + runDir.resolve("log"));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        restUrl = out.substring(out.lastIndexOf('\n') + 1);
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (runDir != null) {
            new ProcessBuilder(CLUSTER_HOME.resolve("stop-cluster.sh").toString(), runDir.toString()).inheritIO()
                    .start().waitFor(60, TimeUnit.SECONDS);
            FileUtils.deleteQuietly(runDir.toFile());
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    ConfigurableApplicationContext startServer(Path data) {
        return new SpringApplicationBuilder(StreamisServerApplication.class).run(
                "--server.port=0",
                "--streamis.data-dir=" + data,
                "--streamis.server.admin-password=admin-password-1",
                "--spring.datasource.url=jdbc:h2:file:" + data.resolve("db/streamis")
                        + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;NON_KEYWORDS=KEY,VALUE",
                "--streamis.launcher.embedded.enabled=false",
                "--streamis.launcher.default-cluster=standalone",
                "--streamis.launcher.clusters.standalone.type=standalone",
                "--streamis.launcher.clusters.standalone.rest-url=" + restUrl,
                "--streamis.jobmanager.monitor.interval=500ms",
                "--logging.level.root=WARN");
    }

    @Test
    void serverRestartReattachesTheRunningJobInsteadOfRestartingIt() throws Exception {
        Path data = Files.createTempDirectory("streamis-reattach");
        long jobId;
        StartOutcome started;
        try (ConfigurableApplicationContext first = startServer(data)) {
            byte[] zip = FlinkTestSupport.sqlZip("standalone_job", FlinkTestSupport.produce("1000", false, null));
            jobId = first.getBean(JobImportService.class).importZip("admin", "default", "job.zip",
                    new ByteArrayInputStream(zip), null).jobId();
            started = first.getBean(StartService.class).start(jobId, "admin", null, StartCause.USER);
            assertThat(started.status()).isEqualTo(TaskStatus.RUNNING);
        }
        try (ConfigurableApplicationContext second = startServer(data)) {
            FlinkClusters clusters = second.getBean(FlinkClusters.class);
            JobOverview before = clusters.get("standalone").jobsOverview().get(started.flinkJobId());
            assertThat(before.state().name()).as("the job kept running while the server was down")
                    .isEqualTo("RUNNING");
            TaskMapper tasks = second.getBean(TaskMapper.class);
            long jid = jobId;
            // Several monitor cycles: the status must stay right, on the same run.
            Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                    .until(() -> tasks.selectLatest(jid).taskStatus() == TaskStatus.RUNNING);
            StreamTask task = tasks.selectLatest(jobId);
            assertThat(task.id()).isEqualTo(started.taskId());
            assertThat(task.flinkJobId()).isEqualTo(started.flinkJobId());
            JobOverview after = clusters.get("standalone").jobsOverview().get(started.flinkJobId());
            assertThat(after.startTime()).as("not restarted").isEqualTo(before.startTime());

            StopService.StopOutcome stop = second.getBean(StopService.class)
                    .stop(second.getBean(JobMapper.class).selectById(jobId), true);
            assertThat(stop.savepointPath()).contains("savepoint-");
            assertThat(tasks.selectLatest(jobId).taskStatus()).isEqualTo(TaskStatus.STOPPED);
        } finally {
            FileUtils.deleteQuietly(data.toFile());
        }
    }
}
