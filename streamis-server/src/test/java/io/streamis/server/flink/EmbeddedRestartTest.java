package io.streamis.server.flink;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamis.common.job.TaskStatus;
import io.streamis.jobmanager.lifecycle.StartCause;
import io.streamis.jobmanager.lifecycle.StartOutcome;
import io.streamis.jobmanager.lifecycle.StartService;
import io.streamis.jobmanager.task.StreamTask;
import io.streamis.jobmanager.restore.RestorePoints;
import io.streamis.jobmanager.task.TaskMapper;
import io.streamis.jobmanager.upload.JobImportService;
import io.streamis.launcher.cluster.FlinkClusters;
import io.streamis.server.StreamisServerApplication;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.commons.io.FileUtils;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real server restart with the embedded cluster: the stopping server takes a savepoint of every running job,
 * and the next start brings each job back from exactly that savepoint.
 */
class EmbeddedRestartTest {

    static ConfigurableApplicationContext server(Path data) {
        return new SpringApplicationBuilder(StreamisServerApplication.class).run(
                "--server.port=0",
                "--streamis.data-dir=" + data,
                "--streamis.server.admin-password=admin-password-1",
                "--spring.datasource.url=jdbc:h2:file:" + data.resolve("db/streamis")
                        + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;NON_KEYWORDS=KEY,VALUE",
                "--streamis.launcher.embedded.slots=2",
                "--streamis.jobmanager.monitor.interval=500ms",
                "--logging.level.root=WARN");
    }

    @Test
    void runningJobsComeBackFromTheirShutdownSavepointAfterAServerRestart() throws Exception {
        Path data = Files.createTempDirectory("streamis-embedded-restart");
        try {
            long jobId;
            StartOutcome first;
            try (ConfigurableApplicationContext one = server(data)) {
                byte[] zip = FlinkTestSupport.sqlZip("restart_me", FlinkTestSupport.produce("60000", false, null));
                jobId = one.getBean(JobImportService.class).importZip("admin", "default", "job.zip",
                        new ByteArrayInputStream(zip), null).jobId();
                first = one.getBean(StartService.class).start(jobId, "admin", null, StartCause.USER);
                assertThat(first.status()).isEqualTo(TaskStatus.STARTING);
                FlinkTestSupport.awaitRunning(one.getBean(TaskMapper.class), jobId, first.taskId(),
                        Duration.ofSeconds(60));
            }
            try (ConfigurableApplicationContext two = server(data)) {
                TaskMapper tasks = two.getBean(TaskMapper.class);
                StreamTask old = tasks.selectById(first.taskId());
                assertThat(old.taskStatus()).isEqualTo(TaskStatus.FAILED);
                assertThat(old.errDesc()).contains("embedded Flink cluster stopped");
                assertThat(two.getBean(RestorePoints.class).ofTask(old.id())).as("its shutdown savepoint recorded")
                        .anyMatch(p -> p.path().contains("savepoint-") && p.origin().equals("stop"));

                // The recovery start is an intent: the reconciler moves it to RUNNING.
                StreamTask now = FlinkTestSupport.awaitRunning(tasks, jobId, first.taskId() + 1,
                        Duration.ofSeconds(60));
                assertThat(now.id()).isNotEqualTo(first.taskId());
                assertThat(now.taskStatus()).isEqualTo(TaskStatus.RUNNING);
                assertThat(now.startCause()).isEqualTo("RECOVERY");
                assertThat(now.restoredFrom()).as("the savepoint taken at shutdown, not an old checkpoint")
                        .contains("savepoint-");
                FlinkClusters clusters = two.getBean(FlinkClusters.class);
                Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                        clusters.get("embedded").checkpoints(now.flinkJobId()).latestRestored() != null);
                assertThat(FlinkTestSupport.normalise(clusters.get("embedded").checkpoints(now.flinkJobId())
                        .latestRestored().path())).isEqualTo(FlinkTestSupport.normalise(now.restoredFrom()));
            }
        } finally {
            FileUtils.deleteQuietly(data.toFile());
        }
    }
}
