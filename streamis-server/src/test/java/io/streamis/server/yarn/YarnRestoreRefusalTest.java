package io.streamis.server.yarn;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamis.common.job.TaskStatus;
import io.streamis.jobmanager.job.JobMapper;
import io.streamis.jobmanager.lifecycle.InspectionService;
import io.streamis.jobmanager.lifecycle.SnapshotInspection;
import io.streamis.jobmanager.lifecycle.StartCause;
import io.streamis.jobmanager.lifecycle.StartOutcome;
import io.streamis.jobmanager.lifecycle.StartService;
import io.streamis.jobmanager.lifecycle.StopService;
import io.streamis.jobmanager.task.StreamTask;
import io.streamis.jobmanager.task.TaskMapper;
import io.streamis.jobmanager.upload.JobImportService;
import io.streamis.launcher.hadoop.HadoopMiniClusters;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.io.FileUtils;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A restore point whose {@code _metadata} reads but whose state files on HDFS are gone, started as a YARN
 * application: Flink's restart strategy retries the failing restore without end, so the job never FAILS. The
 * reconciler reads the restarting job's root exception, cancels the run, marks the point and steps back to the
 * previous one (the first run's stop savepoint) — before, the run stayed STARTING for good.
 */
class YarnRestoreRefusalTest {

    private static final Duration DEPLOY = Duration.ofSeconds(240);
    /** Every row a new key of ~120 bytes: the state soon outgrows what Flink inlines into {@code _metadata}. */
    private static final String LARGE_STATE_SQL = """
            CREATE TABLE src (k INT, v STRING) WITH ('connector'='datagen','rows-per-second'='1000',
              'fields.v.length'='100');
            CREATE TABLE snk (k INT, v STRING, c BIGINT) WITH ('connector'='blackhole');
            INSERT INTO snk SELECT k, v, COUNT(*) FROM src GROUP BY k, v;
            """;

    static HadoopMiniClusters hadoop;
    static Path base;

    @BeforeAll
    static void start() throws Exception {
        base = Files.createTempDirectory("streamis-yarn-refusal");
        hadoop = HadoopMiniClusters.start(base, true);
    }

    @AfterAll
    static void stop() {
        if (hadoop != null) {
            hadoop.close();
        }
        FileUtils.deleteQuietly(base.toFile());
    }

    @Test
    void aPointRefusedWhileTheApplicationRestartsStepsBackInsteadOfStartingForever() throws Exception {
        try (ConfigurableApplicationContext ctx = YarnServers.server(Files.createTempDirectory(base, "server"),
                hadoop, "500ms")) {
            long jobId = ctx.getBean(JobImportService.class).importZip("admin", "default", "job.zip",
                    new ByteArrayInputStream(YarnServers.sqlZip("yarn_refused", LARGE_STATE_SQL, false)), null)
                    .jobId();
            StartService starts = ctx.getBean(StartService.class);
            TaskMapper tasks = ctx.getBean(TaskMapper.class);
            JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
            StopService stops = ctx.getBean(StopService.class);
            JobMapper jobs = ctx.getBean(JobMapper.class);
            // An older point to step back to: the first run's stop savepoint (Flink keeps one checkpoint only).
            long run1 = starts.start(jobId, "admin", null, StartCause.USER).taskId();
            awaitRunning(tasks, jobId, run1 - 1);
            String savepoint = stops.stop(jobs.selectById(jobId), true, "admin").join().savepointPath();
            assertThat(savepoint).contains("savepoint-");

            long run2 = starts.start(jobId, "admin", null, StartCause.USER).taskId();
            awaitRunning(tasks, jobId, run2 - 1);
            Awaitility.await("two checkpoints recorded").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500)).until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM"
                            + " linkis_stream_restore_point WHERE task_id = ? AND kind = 'CHECKPOINT'", Integer.class,
                            run2) >= 2);
            stops.stop(jobs.selectById(jobId), false, "admin").join();

            // The point the next start restores from, as the inspection shows it to the user.
            String newest = ((SnapshotInspection.Entry) ctx.getBean(InspectionService.class)
                    .inspect("admin", jobId).get("snapshot")).path();
            removeStateFiles(hadoop.dfs().getFileSystem(), newest);

            StartOutcome broken = starts.start(jobId, "admin", null, StartCause.USER);
            assertThat(newest).as("the second run's retained checkpoint").contains("/chk-");
            assertThat(broken.restoredFrom()).isEqualTo(newest);
            StreamTask back = awaitRunning(tasks, jobId, broken.taskId());

            StreamTask refused = tasks.selectById(broken.taskId());
            assertThat(refused.taskStatus()).isEqualTo(TaskStatus.FAILED);
            assertThat(refused.errDesc()).startsWith("Did not start: Flink could not restore the job's state"
                    + " (restarting)");
            assertThat(jdbc.queryForList("SELECT task_id FROM linkis_stream_restore_mark WHERE job_id = ? AND action"
                    + " = 'REFUSED'", Long.class, jobId)).containsExactly(broken.taskId());
            assertThat(jdbc.queryForObject("SELECT step_back_of FROM linkis_stream_task WHERE id = ?", Long.class,
                    back.id())).as("linked to the refused run").isEqualTo(broken.taskId());
            assertThat(back.restoredFrom()).as("stepped back to the older point, not empty").isEqualTo(savepoint);
            stops.stop(jobs.selectById(jobId), false, "admin").join();
        }
    }

    private static StreamTask awaitRunning(TaskMapper tasks, long jobId, long afterTaskId) {
        return Awaitility.await("a run after task " + afterTaskId + " RUNNING").atMost(DEPLOY)
                .pollInterval(Duration.ofSeconds(1)).until(() -> tasks.selectLatest(jobId),
                        t -> t != null && t.id() > afterTaskId && t.taskStatus() == TaskStatus.RUNNING);
    }

    /** Deletes a point's state files on HDFS and keeps its metadata: Flink reads the point, its tasks cannot. */
    private static void removeStateFiles(FileSystem fs, String point) throws Exception {
        org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(point.replaceAll("/$", ""));
        List<org.apache.hadoop.fs.Path> stateFiles = new ArrayList<>();
        for (FileStatus f : fs.listStatus(dir)) {
            if (!f.getPath().getName().equals("_metadata")) {
                stateFiles.add(f.getPath());
            }
        }
        assertThat(stateFiles).as("state kept in files beside _metadata in " + point).isNotEmpty();
        for (org.apache.hadoop.fs.Path f : stateFiles) {
            fs.delete(f, true);
        }
    }
}
