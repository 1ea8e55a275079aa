package io.streamis.server.yarn;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.io.FileUtils;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * YARN failures explained, handed on and refused, on one mini YARN + HDFS. A run whose YARN application ended on
 * its own: the JobManager's program failed (a table with a connector that does not exist), the container exited and
 * took Flink's REST with it, and what the platform recorded is YARN's word that the container exited. The failure diagnosis finds the cause in the JobManager log YARN aggregated.
 * A deployment that fails in the background is alerted and restarted like any failed start. A restore point whose
 * {@code _metadata} reads but whose state files on HDFS are gone makes Flink's restart strategy retry the restore
 * without end (the job never FAILS): the reconciler reads the restarting job's root exception, cancels the run,
 * marks the point and steps back to the previous one — before, the run stayed STARTING for good.
 */
class YarnFailuresTest {

    private static final Duration DEPLOY = Duration.ofSeconds(240);
    private static final String API = "/api/rest_j/v1";
    private static final String SQL = """
            CREATE TABLE src (k INT) WITH ('connector'='nope');
            CREATE TABLE snk (k INT) WITH ('connector'='blackhole');
            INSERT INTO snk SELECT k FROM src;
            """;

    /** Every row a new key of ~120 bytes: the state soon outgrows what Flink inlines into {@code _metadata}. */
    private static final String LARGE_STATE_SQL = """
            CREATE TABLE src (k INT, v STRING) WITH ('connector'='datagen','rows-per-second'='1000',
              'fields.v.length'='100');
            CREATE TABLE snk (k INT, v STRING, c BIGINT) WITH ('connector'='blackhole');
            INSERT INTO snk SELECT k, v, COUNT(*) FROM src GROUP BY k, v;
            """;

    static HadoopMiniClusters hadoop;
    static YarnClient yarn;
    static Path base;

    @BeforeAll
    static void start() throws Exception {
        base = Files.createTempDirectory("streamis-yarn-failures");
        hadoop = HadoopMiniClusters.start(base, true);
        yarn = YarnClient.createYarnClient();
        yarn.init(hadoop.conf());
        yarn.start();
    }

    @AfterAll
    static void stop() {
        if (yarn != null) {
            yarn.stop();
        }
        if (hadoop != null) {
            hadoop.close();
        }
        FileUtils.deleteQuietly(base.toFile());
    }

    @Test
    void aRunWhoseApplicationEndedIsExplainedFromTheAggregatedJobManagerLog() throws Exception {
        try (ConfigurableApplicationContext ctx = YarnServers.server(Files.createTempDirectory(base, "server"),
                hadoop, "500ms")) {
            long jobId = ctx.getBean(JobImportService.class).importZip("admin", "default", "job.zip",
                    new ByteArrayInputStream(YarnServers.sqlZip("yarn_nope", SQL, false)), null).jobId();
            long taskId = ctx.getBean(StartService.class).start(jobId, "admin", null, StartCause.USER).taskId();
            TaskMapper tasks = ctx.getBean(TaskMapper.class);
            StreamTask failed = Awaitility.await().atMost(DEPLOY).pollInterval(Duration.ofSeconds(1))
                    .until(() -> tasks.selectById(taskId), t -> t.taskStatus().isTerminal());
            assertThat(failed.taskStatus()).as(failed.errDesc()).isEqualTo(TaskStatus.FAILED);
            assertThat(failed.errDesc()).as("the recorded error alone does not say why")
                    .contains("application_").doesNotContain("'nope'");

            // YARN aggregates the logs shortly after the application ended; until then nothing names the cause.
            HttpClient http = login(ctx);
            JsonNode details = Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2))
                    .until(() -> errorMsg(ctx, http, jobId), d -> d.path("diagnosis").path("source").asText()
                            .equals("YARN_JOB_MANAGER_LOG"));
            JsonNode d = details.get("diagnosis");
            assertThat(d.get("code").asText()).as(details.toString()).isEqualTo("CONNECTOR_MISSING");
            assertThat(d.get("explanationEn").asText()).contains("'nope'");
            assertThat(d.get("matched").asText()).contains("Could not find any factory for identifier 'nope'");
            assertThat(d.get("sourcePath").asText()).startsWith("yarn logs -applicationId application_")
                    .endsWith("-log_files jobmanager.log");
            assertThat(d.get("sourceText").asText()).contains("JobManager log");
            assertThat(details.get("errDesc").asText()).as("the raw error stays").isEqualTo(failed.errDesc());
        }
    }

    @Test
    void aDeploymentThatFailsInTheBackgroundIsAlertedAndRestartedLikeAnyFailedStart() throws Exception {
        int dead;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            dead = socket.getLocalPort();
        }
        // A second YARN target whose state root nobody serves: the runtime upload fails after the start returned.
        try (ConfigurableApplicationContext ctx = YarnServers.server(Files.createTempDirectory(base, "server"),
                hadoop, "500ms", "--streamis.launcher.clusters.unreachable.type=yarn-application",
                "--streamis.launcher.clusters.unreachable.hadoop-conf-dir=" + hadoop.confDir(),
                "--streamis.launcher.clusters.unreachable.state-root=hdfs://127.0.0.1:" + dead + "/streamis/state",
                "--streamis.launcher.clusters.unreachable.java-home=" + System.getProperty("java.home"))) {
            long jobId = ctx.getBean(JobImportService.class).importZip("admin", "default", "job.zip",
                    new ByteArrayInputStream(YarnServers.sqlZip("yarn_undeployable")), null).jobId();
            HttpClient http = login(ctx);
            HttpResponse<String> chosen = http.send(HttpRequest.newBuilder(URI.create(base(ctx) + API
                    + "/streamis/streamJobManager/config/json/" + jobId)).header("Content-Type", "application/json")
                    .header("Origin", base(ctx)).POST(HttpRequest.BodyPublishers.ofString(
                            "{\"wds.linkis.flink.produce\":{\"wds.streamis.flink.cluster\":\"unreachable\","
                            + "\"wds.linkis.flink.app.fail-restart.switch\":\"ON\"}}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(new ObjectMapper().readTree(chosen.body()).path("status").asInt()).as(chosen.body()).isZero();

            StartOutcome started = ctx.getBean(StartService.class).start(jobId, "admin", null, StartCause.USER);
            assertThat(started.status()).as("the request returned before the deployment").isEqualTo(TaskStatus.STARTING);
            JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
            Awaitility.await("the failed deployment is alerted and the job restarted").atMost(DEPLOY)
                    .pollInterval(Duration.ofSeconds(1)).until(() -> jdbc.queryForList("SELECT start_cause FROM"
                            + " linkis_stream_task WHERE job_id = ? ORDER BY id", String.class, jobId),
                            causes -> causes.size() >= 2 && causes.get(1).equals("AUTO_RESTART"));
            StreamTask first = ctx.getBean(TaskMapper.class).selectById(started.taskId());
            assertThat(first.taskStatus()).isEqualTo(TaskStatus.FAILED);
            assertThat(first.errDesc()).contains("Launch failed").contains("Cannot upload the Flink runtime");
            assertThat(jdbc.queryForList("SELECT rule FROM streamis_alert_incident WHERE job_id = ?", String.class,
                    jobId)).contains("JOB_FAILED");
        }
    }

    @Test
    void aDeployedStartWhoseTaskManagersNeverAllGetContainersFailsInTimeAndLeavesNothingOnYarn() throws Exception {
        // 20 one-slot TaskManagers of 1 GB do not fit the mini YARN's 8 GB node: the application runs, its job
        // waits for containers YARN never grants (Flink itself would wait 5 minutes for the slots).
        try (ConfigurableApplicationContext ctx = YarnServers.server(Files.createTempDirectory(base, "server"),
                hadoop, "500ms", "--streamis.jobmanager.operation-timeout=30s")) {
            long jobId = ctx.getBean(JobImportService.class).importZip("admin", "default", "job.zip",
                    new ByteArrayInputStream(YarnServers.sqlZip("yarn_too_big", YarnServers.SQL, false, 20)), null)
                    .jobId();
            long taskId = ctx.getBean(StartService.class).start(jobId, "admin", null, StartCause.USER).taskId();
            TaskMapper tasks = ctx.getBean(TaskMapper.class);
            Awaitility.await("the application is up").atMost(DEPLOY).pollInterval(Duration.ofSeconds(1))
                    .until(() -> !YarnServers.liveApplications(yarn, jobId).isEmpty());
            StreamTask failed = Awaitility.await("the start is decided").atMost(DEPLOY)
                    .pollInterval(Duration.ofSeconds(1)).until(() -> tasks.selectById(taskId),
                            t -> t.taskStatus().isTerminal());
            assertThat(failed.taskStatus()).isEqualTo(TaskStatus.FAILED);
            assertThat(failed.errDesc()).startsWith("Did not start: not all tasks running within 60 s")
                    .contains("YARN did not grant all of the application's containers");
            assertThat(YarnServers.liveApplications(yarn, jobId)).as("its application was killed").isEmpty();
        }
    }

    @Test
    void aStopWhoseJobManagerIsFrozenKillsTheApplicationInTimeAndSaysSo() throws Exception {
        try (ConfigurableApplicationContext ctx = YarnServers.server(Files.createTempDirectory(base, "server"),
                hadoop, "500ms", "--streamis.jobmanager.operation-timeout=30s")) {
            long jobId = ctx.getBean(JobImportService.class).importZip("admin", "default", "job.zip",
                    new ByteArrayInputStream(YarnServers.sqlZip("yarn_frozen")), null).jobId();
            TaskMapper tasks = ctx.getBean(TaskMapper.class);
            long taskId = ctx.getBean(StartService.class).start(jobId, "admin", null, StartCause.USER).taskId();
            awaitRunning(tasks, jobId, taskId - 1);
            String appId = YarnServers.liveApplications(yarn, jobId).get(0).getApplicationId().toString();
            List<ProcessHandle> jobManager = ProcessHandle.allProcesses().filter(p -> p.info().commandLine()
                    .filter(c -> c.contains(appId) && c.contains("YarnApplicationClusterEntryPoint")).isPresent())
                    .toList();
            assertThat(jobManager).as("the JobManager's container process of " + appId).isNotEmpty();
            signal("STOP", jobManager);
            try {
                // The request itself must decide within the operation timeout (30 s): before, its call to the frozen
                // JobManager outlived it, the reconciler gave the intent up and the run read RUNNING again.
                long t0 = System.nanoTime();
                StopService.StopOutcome out = ctx.getBean(StopService.class)
                        .stop(ctx.getBean(JobMapper.class).selectById(jobId), true, "admin")
                        .get(60, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(30));
                assertThat(out.savepointPath()).as("no savepoint from a frozen JobManager").isNull();
                StreamTask stopped = tasks.selectById(taskId);
                assertThat(stopped.taskStatus()).isEqualTo(TaskStatus.STOPPED);
                assertThat(stopped.errDesc()).contains("killed");
                assertThat(ctx.getBean(JdbcTemplate.class).queryForObject("SELECT state FROM"
                        + " streamis_task_operation WHERE task_id = ?", String.class, taskId))
                        .as("settled once, so the reconciler's deadline cannot turn it back").isEqualTo("DONE");
                Awaitility.await("the frozen application is gone from YARN").atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofSeconds(1))
                        .until(() -> YarnServers.liveApplications(yarn, jobId).isEmpty());
            } finally {
                signal("CONT", jobManager);
            }
        }
    }

    @Test
    void anApplicationNoUnfinishedRunClaimsIsEndedAndOneThatIsClaimedIsLeftAlone() throws Exception {
        try (ConfigurableApplicationContext ctx = YarnServers.server(Files.createTempDirectory(base, "server"),
                hadoop, "500ms")) {
            long jobId = ctx.getBean(JobImportService.class).importZip("admin", "default", "job.zip",
                    new ByteArrayInputStream(YarnServers.sqlZip("yarn_orphan", YarnServers.SQL, false)), null)
                    .jobId();
            TaskMapper tasks = ctx.getBean(TaskMapper.class);
            long taskId = ctx.getBean(StartService.class).start(jobId, "admin", null, StartCause.USER).taskId();
            awaitRunning(tasks, jobId, taskId - 1);
            String appId = YarnServers.liveApplications(yarn, jobId).get(0).getApplicationId().toString();
            Awaitility.await("the claimed application keeps running past the grace period")
                    .during(Duration.ofSeconds(20)).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> YarnServers.liveApplications(yarn, jobId).size() == 1);

            // What a new leader writes when the node deploying this run stopped beating: the run is over for the
            // platform, while the deposed node's application came up anyway and runs the job, watched by nobody.
            JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
            assertThat(jdbc.update("UPDATE linkis_stream_task SET status = ?, err_desc = ? WHERE id = ?",
                    TaskStatus.FAILED.code(), "settled by the leader: its node stopped beating", taskId)).isOne();
            Awaitility.await("the unclaimed application " + appId + " is ended").atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> YarnServers.liveApplications(yarn, jobId).isEmpty());
            assertThat(yarn.getApplicationReport(org.apache.hadoop.yarn.api.records.ApplicationId.fromString(appId))
                    .getFinalApplicationStatus().toString()).isIn("KILLED", "SUCCEEDED", "FAILED");
            assertThat(tasks.selectById(taskId).taskStatus()).as("the settled run stays as the leader left it")
                    .isEqualTo(TaskStatus.FAILED);
        }
    }

    private static void signal(String signal, List<ProcessHandle> processes) throws Exception {
        for (ProcessHandle p : processes) {
            // A process YARN already killed is no error here.
            new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid()))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start().waitFor();
        }
    }

    private static HttpClient login(ConfigurableApplicationContext ctx) throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base(ctx) + API + "/user/login"))
                .header("Content-Type", "application/json").header("Origin", base(ctx))
                .POST(HttpRequest.BodyPublishers.ofString("{\"userName\":\"admin\",\"password\":\"admin-password-1\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        return http;
    }

    /** {@code GET /job/execute/errorMsg}, what the UI's failure dialog shows. */
    private static JsonNode errorMsg(ConfigurableApplicationContext ctx, HttpClient http, long jobId)
            throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base(ctx) + API
                + "/streamis/streamJobManager/job/execute/errorMsg?jobId=" + jobId)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return new ObjectMapper().readTree(r.body()).at("/data/details");
    }

    private static String base(ConfigurableApplicationContext ctx) {
        return "http://127.0.0.1:" + ctx.getEnvironment().getProperty("local.server.port");
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
            Awaitility.await("the first run's application is gone").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500)).until(() -> YarnServers.liveApplications(yarn, jobId).isEmpty());

            long run2 = starts.start(jobId, "admin", null, StartCause.USER).taskId();
            awaitRunning(tasks, jobId, run2 - 1);
            Awaitility.await("two checkpoints recorded").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500)).until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM"
                            + " linkis_stream_restore_point WHERE task_id = ? AND kind = 'CHECKPOINT'", Integer.class,
                            run2) >= 2);
            stops.stop(jobs.selectById(jobId), false, "admin").join();
            // The stopped run's application is shut down through Flink, which takes YARN a moment.
            Awaitility.await("the stopped run's application is gone").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500)).until(() -> YarnServers.liveApplications(yarn, jobId).isEmpty());

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
