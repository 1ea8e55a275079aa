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
import io.streamis.launcher.cluster.EmbeddedFlinkCluster;
import io.streamis.server.StreamisServerApplication;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import org.apache.commons.io.FileUtils;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An automatic restart is a due time on the failed task, not only a timer in memory: a server that stops before
 * the restart is due leaves it in the database, and the next server runs it.
 */
class RestartScheduleRecoveryTest {

    static ConfigurableApplicationContext server(Path data, String backoff) {
        return new SpringApplicationBuilder(StreamisServerApplication.class).run(
                "--server.port=0",
                "--streamis.data-dir=" + data,
                "--streamis.server.admin-password=admin-password-1",
                "--streamis.launcher.embedded.slots=2",
                "--streamis.jobmanager.monitor.interval=500ms",
                "--streamis.jobmanager.restart.initial-backoff=" + backoff,
                "--streamis.jobmanager.restart.max-backoff=" + backoff,
                "--logging.level.root=WARN");
    }

    @Test
    void aRestartDueWhileTheServerWasDownRunsOnTheNextStart() throws Exception {
        Path data = Files.createTempDirectory("streamis-restart-due");
        try {
            long jobId;
            long failedTaskId;
            try (ConfigurableApplicationContext one = server(data, "1h")) {
                byte[] zip = FlinkTestSupport.sqlZip("restart_due",
                        FlinkTestSupport.produce("500", true, "\"restart-strategy.type\":\"none\""));
                jobId = one.getBean(JobImportService.class).importZip("admin", "default", "job.zip",
                        new ByteArrayInputStream(zip), null).jobId();
                StartOutcome run = one.getBean(StartService.class).start(jobId, "admin", null, StartCause.USER);
                assertThat(run.status()).isEqualTo(TaskStatus.STARTING);
                TaskMapper tasks = one.getBean(TaskMapper.class);
                FlinkTestSupport.awaitRunning(tasks, jobId, run.taskId(), Duration.ofSeconds(60));
                Awaitility.await("a checkpoint recorded for the run").atMost(Duration.ofSeconds(60))
                        .until(() -> one.getBean(RestorePoints.class).ofTask(run.taskId()).stream()
                                .anyMatch(p -> p.path().contains("chk-")));
                EmbeddedFlinkCluster embedded = one.getBean(EmbeddedFlinkCluster.class);
                embedded.killNewestTaskManager();
                embedded.addTaskManager();
                Awaitility.await("the run seen as failed").atMost(Duration.ofSeconds(60))
                        .until(() -> tasks.selectById(run.taskId()).taskStatus() == TaskStatus.FAILED);
                failedTaskId = run.taskId();
                JdbcTemplate jdbc = one.getBean(JdbcTemplate.class);
                Timestamp due = Awaitility.await("the restart's due time recorded").atMost(Duration.ofSeconds(10))
                        .until(() -> dueOf(jdbc, failedTaskId), d -> d != null);
                assertThat(due.toLocalDateTime()).as("an hour of back-off")
                        .isAfter(LocalDateTime.now().plusMinutes(50));
                // The server stops long before that; meanwhile the due time passes.
                jdbc.update("UPDATE linkis_stream_task SET restart_due_at = ? WHERE id = ?",
                        Timestamp.valueOf(LocalDateTime.now().minusSeconds(1)), failedTaskId);
                assertThat(tasks.selectLatest(jobId).id()).as("not restarted by the first server").isEqualTo(failedTaskId);
            }
            try (ConfigurableApplicationContext two = server(data, "1h")) {
                TaskMapper tasks = two.getBean(TaskMapper.class);
                Awaitility.await("the due restart run by the next server").atMost(Duration.ofSeconds(90))
                        .until(() -> {
                            StreamTask latest = tasks.selectLatest(jobId);
                            return latest.id() != failedTaskId && latest.taskStatus() == TaskStatus.RUNNING;
                        });
                StreamTask latest = tasks.selectLatest(jobId);
                assertThat(latest.startCause()).isEqualTo("AUTO_RESTART");
                assertThat(latest.restoredFrom()).as("from the failed run's newest checkpoint").contains("chk-");
                assertThat(dueOf(two.getBean(JdbcTemplate.class), failedTaskId)).as("taken, so it runs once")
                        .isNull();
            }
        } finally {
            FileUtils.deleteQuietly(data.toFile());
        }
    }

    private static Timestamp dueOf(JdbcTemplate jdbc, long taskId) {
        return jdbc.queryForObject("SELECT restart_due_at FROM linkis_stream_task WHERE id = ?", Timestamp.class,
                taskId);
    }
}
