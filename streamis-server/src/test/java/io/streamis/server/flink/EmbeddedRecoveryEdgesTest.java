package io.streamis.server.flink;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamis.common.job.TaskStatus;
import io.streamis.jobmanager.lifecycle.StartCause;
import io.streamis.jobmanager.lifecycle.StartOutcome;
import io.streamis.jobmanager.lifecycle.StartService;
import io.streamis.jobmanager.task.StreamTask;
import io.streamis.jobmanager.task.TaskMapper;
import io.streamis.jobmanager.upload.JobImportService;
import io.streamis.server.StreamisServerApplication;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.io.FileUtils;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Server restarts with the embedded cluster, at the edges: a job that was waiting for Flink's own restart
 * (WAIT_RESTART) when the server stopped comes back like a running one, and a job that cannot be brought back
 * raises an alert instead of only a log line.
 */
class EmbeddedRecoveryEdgesTest {

    static ConfigurableApplicationContext server(Path data, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--streamis.data-dir=" + data,
                "--streamis.server.admin-password=admin-password-1",
                "--streamis.launcher.embedded.slots=2",
                "--streamis.jobmanager.monitor.interval=500ms",
                "--logging.level.root=WARN"));
        args.addAll(List.of(extra));
        return new SpringApplicationBuilder(StreamisServerApplication.class).run(args.toArray(String[]::new));
    }

    private static StartOutcome startJob(ConfigurableApplicationContext ctx, String name) {
        byte[] zip = FlinkTestSupport.sqlZip(name, FlinkTestSupport.produce("60000", false, null));
        long jobId = ctx.getBean(JobImportService.class).importZip("admin", "default", "job.zip",
                new ByteArrayInputStream(zip), null).jobId();
        StartOutcome o = ctx.getBean(StartService.class).start(jobId, "admin", null, StartCause.USER);
        assertThat(o.status()).isEqualTo(TaskStatus.STARTING);
        // Decided by the reconciler through the start follower, which runs even with the monitor's cycle off.
        FlinkTestSupport.awaitRunning(ctx.getBean(TaskMapper.class), jobId, o.taskId(), Duration.ofSeconds(60));
        return o;
    }

    @Test
    void aJobWaitingForRestartWhenTheServerStoppedComesBackFromItsShutdownSavepoint() throws Exception {
        Path data = Files.createTempDirectory("streamis-wait-restart");
        try {
            StartOutcome first;
            try (ConfigurableApplicationContext one = server(data, "--streamis.jobmanager.monitor.enabled=false")) {
                first = startJob(one, "waiting_job");
                // What the monitor records while Flink restarts the job by its own strategy.
                one.getBean(JdbcTemplate.class).update("UPDATE linkis_stream_task SET status = ? WHERE id = ?",
                        TaskStatus.WAIT_RESTART.code(), first.taskId());
            }
            try (ConfigurableApplicationContext two = server(data)) {
                TaskMapper tasks = two.getBean(TaskMapper.class);
                long jobId = tasks.selectById(first.taskId()).jobId();
                Awaitility.await("the job brought back").atMost(Duration.ofSeconds(60)).until(() -> {
                    StreamTask latest = tasks.selectLatest(jobId);
                    return latest.id() != first.taskId() && latest.taskStatus() == TaskStatus.RUNNING;
                });
                assertThat(tasks.selectById(first.taskId()).taskStatus()).isEqualTo(TaskStatus.FAILED);
                StreamTask now = tasks.selectLatest(jobId);
                assertThat(now.startCause()).isEqualTo("RECOVERY");
                assertThat(now.restoredFrom()).as("the savepoint taken at shutdown").contains("savepoint-");
            }
        } finally {
            FileUtils.deleteQuietly(data.toFile());
        }
    }

    @Test
    void aJobThatCannotBeBroughtBackRaisesACriticalAlert() throws Exception {
        Path data = Files.createTempDirectory("streamis-recovery-alert");
        try {
            StartOutcome first;
            try (ConfigurableApplicationContext one = server(data)) {
                first = startJob(one, "unrecoverable_job");
                // Banned while the server is down: the recovery start is refused before any run exists.
                one.getBean(JdbcTemplate.class).update("UPDATE linkis_stream_job SET enable = 0 WHERE id ="
                        + " (SELECT job_id FROM linkis_stream_task WHERE id = ?)", first.taskId());
            }
            try (ConfigurableApplicationContext two = server(data)) {
                JdbcTemplate jdbc = two.getBean(JdbcTemplate.class);
                Awaitility.await("the failed recovery alerted").atMost(Duration.ofSeconds(30)).until(() ->
                        jdbc.queryForObject("SELECT COUNT(*) FROM linkis_stream_alert_record WHERE task_id = ?"
                                + " AND alert_level = 'CRITICAL' AND alert_msg LIKE '%not brought back%'",
                                Integer.class, first.taskId()) > 0);
                assertThat(jdbc.queryForObject("SELECT alert_msg FROM linkis_stream_alert_record WHERE task_id = ?"
                        + " AND alert_level = 'CRITICAL'", String.class, first.taskId())).contains("banned");
            }
        } finally {
            FileUtils.deleteQuietly(data.toFile());
        }
    }
}
