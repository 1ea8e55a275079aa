package io.streamis.server.yarn;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamis.common.job.TaskStatus;
import io.streamis.jobmanager.lifecycle.StartCause;
import io.streamis.jobmanager.lifecycle.StartOutcome;
import io.streamis.jobmanager.lifecycle.StartService;
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
import org.apache.commons.io.FileUtils;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * YARN failures explained and handed on. A run whose YARN application ended on its own: the JobManager's program failed (a table with a connector that
 * does not exist), the container exited and took Flink's REST with it, and what the platform recorded is YARN's
 * word that the container exited. The failure diagnosis finds the cause in the JobManager log YARN aggregated.
 * A deployment that fails in the background is alerted and restarted like any failed start.
 */
class YarnDiagnosisTest {

    private static final Duration DEPLOY = Duration.ofSeconds(240);
    private static final String API = "/api/rest_j/v1";
    private static final String SQL = """
            CREATE TABLE src (k INT) WITH ('connector'='nope');
            CREATE TABLE snk (k INT) WITH ('connector'='blackhole');
            INSERT INTO snk SELECT k FROM src;
            """;

    static HadoopMiniClusters hadoop;
    static Path base;

    @BeforeAll
    static void start() throws Exception {
        base = Files.createTempDirectory("streamis-yarn-diagnosis");
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
}
