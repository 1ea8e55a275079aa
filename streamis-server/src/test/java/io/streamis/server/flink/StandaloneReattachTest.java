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
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.commons.io.FileUtils;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real standalone Flink session cluster (separate JVMs, built from Maven Central jars by
 * flink-cluster/start-cluster.sh): a job keeps running while the server is down and the restarted server
 * reattaches to it instead of restarting it.
 */
class StandaloneReattachTest {

    static StandaloneCluster cluster;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = StandaloneCluster.start("1.20.0", 2);
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    ConfigurableApplicationContext startServer(Path data) {
        return cluster.server(data);
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
            assertThat(started.status()).isEqualTo(TaskStatus.STARTING);
            FlinkTestSupport.awaitRunning(first.getBean(TaskMapper.class), jobId, started.taskId(),
                    Duration.ofSeconds(60));
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

            io.streamis.launcher.client.LogPage tmLog = clusters.get("standalone").taskManagerLog(1, 5, null, null);
            assertThat(tmLog.logs()).hasSize(5);
            assertThat(tmLog.logPath()).endsWith(".log");
            io.streamis.launcher.client.LogPage onlyInfo = clusters.get("standalone").jobManagerLog(1, 50, "INFO", null);
            assertThat(onlyInfo.logs()).isNotEmpty().allMatch(l -> l.contains("INFO"));

            // A crash after Flink accepted a start but before its id was written: the run is adopted by name.
            second.getBean(StopService.class).stop(second.getBean(JobMapper.class).selectById(jobId), false, "admin").join();
            StartOutcome again = second.getBean(StartService.class).start(jobId, "admin", null, StartCause.USER);
            FlinkTestSupport.awaitRunning(tasks, jobId, again.taskId(), Duration.ofSeconds(60));
            second.getBean(org.springframework.jdbc.core.JdbcTemplate.class).update(
                    "UPDATE linkis_stream_task SET status = 8, linkis_job_id = NULL WHERE id = ?", again.taskId());
            second.getBean(io.streamis.jobmanager.monitor.StartupRecovery.class).run(null);
            StreamTask adopted = tasks.selectById(again.taskId());
            assertThat(adopted.taskStatus()).isEqualTo(TaskStatus.RUNNING);
            assertThat(adopted.flinkJobId()).isEqualTo(again.flinkJobId());

            StopService.StopOutcome stop = second.getBean(StopService.class)
                    .stop(second.getBean(JobMapper.class).selectById(jobId), true, "admin").join();
            assertThat(stop.savepointPath()).contains("savepoint-");
            assertThat(tasks.selectLatest(jobId).taskStatus()).isEqualTo(TaskStatus.STOPPED);
        } finally {
            FileUtils.deleteQuietly(data.toFile());
        }
    }
}
