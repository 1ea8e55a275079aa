package io.streamis.server.flink;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamis.common.job.TaskStatus;
import io.streamis.jobmanager.task.TaskMapper;
import io.streamis.jobmanager.job.JobMapper;
import io.streamis.jobmanager.lifecycle.StartCause;
import io.streamis.jobmanager.lifecycle.StartOutcome;
import io.streamis.jobmanager.lifecycle.StartService;
import io.streamis.jobmanager.lifecycle.StopService;
import io.streamis.jobmanager.upload.JobImportService;
import io.streamis.launcher.client.CheckpointStats;
import io.streamis.launcher.cluster.FlinkClusters;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.commons.io.FileUtils;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** The REST client built against Flink 1.20 drives a Flink 2.3 session cluster: run, stop with savepoint, restore. */
class Flink2CompatibilityTest {

    @Test
    void sqlJobRunsStopsWithSavepointAndRestoresOnFlink23() throws Exception {
        Path data = Files.createTempDirectory("streamis-flink2");
        try (StandaloneCluster cluster = StandaloneCluster.start("2.3.0", 2);
             ConfigurableApplicationContext server = cluster.server(data)) {
            assertThat(server.getBean(FlinkClusters.class).get("standalone").overview().flinkVersion())
                    .startsWith("2.3");
            byte[] zip = FlinkTestSupport.sqlZip("flink2_job", FlinkTestSupport.produce("1000", false, null));
            long jobId = server.getBean(JobImportService.class).importZip("admin", "default", "job.zip",
                    new ByteArrayInputStream(zip), null).jobId();
            StartService starts = server.getBean(StartService.class);
            StartOutcome first = starts.start(jobId, "admin", null, StartCause.USER);
            assertThat(first.status()).isEqualTo(TaskStatus.STARTING);
            TaskMapper tasks = server.getBean(TaskMapper.class);
            FlinkTestSupport.awaitRunning(tasks, jobId, first.taskId(), Duration.ofSeconds(60));

            StopService.StopOutcome stop = server.getBean(StopService.class)
                    .stop(server.getBean(JobMapper.class).selectById(jobId), true, "admin").join();
            assertThat(stop.savepointPath()).contains("savepoint-");

            StartOutcome second = starts.start(jobId, "admin", null, StartCause.USER);
            FlinkTestSupport.awaitRunning(tasks, jobId, second.taskId(), Duration.ofSeconds(60));
            assertThat(FlinkTestSupport.normalise(second.restoredFrom()))
                    .isEqualTo(FlinkTestSupport.normalise(stop.savepointPath()));
            FlinkClusters clusters = server.getBean(FlinkClusters.class);
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                    clusters.get("standalone").checkpoints(second.flinkJobId()).latestRestored() != null);
            CheckpointStats stats = clusters.get("standalone").checkpoints(second.flinkJobId());
            assertThat(FlinkTestSupport.normalise(stats.latestRestored().path()))
                    .isEqualTo(FlinkTestSupport.normalise(stop.savepointPath()));
            server.getBean(StopService.class).stop(server.getBean(JobMapper.class).selectById(jobId), false, "admin").join();
        } finally {
            FileUtils.deleteQuietly(data.toFile());
        }
    }
}
