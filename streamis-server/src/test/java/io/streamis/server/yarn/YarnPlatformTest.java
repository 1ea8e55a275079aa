package io.streamis.server.yarn;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamis.bulk.BulkAction;
import io.streamis.bulk.BulkItem;
import io.streamis.bulk.BulkService;
import io.streamis.bulk.ItemState;
import io.streamis.common.job.TaskStatus;
import io.streamis.jobmanager.job.JobMapper;
import io.streamis.jobmanager.lifecycle.StartCause;
import io.streamis.jobmanager.lifecycle.StartOutcome;
import io.streamis.jobmanager.lifecycle.StartService;
import io.streamis.jobmanager.lifecycle.StopService;
import io.streamis.jobmanager.task.StreamTask;
import io.streamis.jobmanager.task.TaskMapper;
import io.streamis.jobmanager.upload.JobImportService;
import io.streamis.launcher.client.CheckpointStats;
import io.streamis.launcher.cluster.FlinkClusters;
import io.streamis.launcher.hadoop.HadoopMiniClusters;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.io.FileUtils;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole platform on a real YARN with state on a real HDFS (mini clusters in this JVM): an asynchronous start
 * driven to RUNNING by the monitor, the JobManager container log through {@code logType=yarn}, a server restart
 * that reattaches instead of deploying again, an application killed behind the platform's back coming back as a
 * new application restored from the killed one's newest HDFS checkpoint, and a stop with a savepoint.
 */
class YarnPlatformTest {

    private static final Duration DEPLOY = Duration.ofSeconds(240);
    private static final String API = "/api/rest_j/v1";

    static HadoopMiniClusters hadoop;
    static Path base;
    static YarnClient yarn;

    @BeforeAll
    static void start() throws Exception {
        base = Files.createTempDirectory("streamis-yarn-platform");
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

    private static ConfigurableApplicationContext server(Path data) {
        return YarnServers.server(data, hadoop, "500ms");
    }

    private static byte[] zip() throws Exception {
        return YarnServers.sqlZip("yarn_job");
    }

    private static StreamTask awaitRunning(TaskMapper tasks, long jobId, long afterTaskId) {
        try {
            return Awaitility.await().atMost(DEPLOY).pollInterval(Duration.ofSeconds(1))
                    .until(() -> tasks.selectLatest(jobId), t -> t.id() > afterTaskId
                            && t.taskStatus() == TaskStatus.RUNNING);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            // What YARN saw of the job's applications is what explains a start that never ran.
            StringBuilder apps = new StringBuilder();
            try {
                for (ApplicationReport r : yarn.getApplications(Set.of("Apache Flink"),
                        java.util.EnumSet.allOf(YarnApplicationState.class), Set.of("streamis-job-" + jobId))) {
                    apps.append("\n  ").append(r.getApplicationId()).append(' ').append(r.getYarnApplicationState())
                            .append(' ').append(r.getFinalApplicationStatus()).append(' ')
                            .append(r.getDiagnostics()).append(jobManagerLogTail(r.getApplicationId().toString()));
                }
            } catch (Exception yarnDown) {
                apps.append(" (YARN not answering: ").append(yarnDown).append(')');
            }
            throw new AssertionError(e.getMessage() + "\nApplications of job " + jobId + ":" + apps, e);
        }
    }

    /** The warnings and errors of an application's JobManager log, from the mini cluster's log directory. */
    private static String jobManagerLogTail(String applicationId) {
        try (var files = Files.walk(Path.of("target", "test", "data"))) {
            StringBuilder out = new StringBuilder();
            for (Path log : files.filter(p -> p.getFileName().toString().equals("jobmanager.log")
                    && p.toString().contains(applicationId)).toList()) {
                List<String> lines = Files.readAllLines(log).stream()
                        .filter(l -> l.contains(" WARN ") || l.contains(" ERROR ") || l.startsWith("Caused by"))
                        .toList();
                lines.subList(Math.max(0, lines.size() - 30), lines.size())
                        .forEach(l -> out.append("\n    ").append(l));
            }
            return out.toString();
        } catch (Exception e) {
            return " (no JobManager log: " + e + ")";
        }
    }

    private static List<ApplicationReport> liveApps(long jobId) throws Exception {
        return YarnServers.liveApplications(yarn, jobId);
    }

    /** The job's log through the REST API, logged in as admin, like the UI's log tab asks for it. */
    private static JsonNode logs(ConfigurableApplicationContext ctx, long jobId, String type, String keyword)
            throws Exception {
        return logs(ctx, jobId, type, keyword, "");
    }

    private static JsonNode logs(ConfigurableApplicationContext ctx, long jobId, String type, String keyword,
                                 String more) throws Exception {
        String base = "http://127.0.0.1:" + ctx.getEnvironment().getProperty("local.server.port");
        HttpClient http = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + API + "/user/login"))
                .header("Content-Type", "application/json").header("Origin", base)
                .POST(HttpRequest.BodyPublishers.ofString("{\"userName\":\"admin\",\"password\":\"admin-password-1\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + API
                + "/streamis/streamJobManager/job/logs?jobId=" + jobId + "&logType=" + type + "&fromLine=1&pageSize=500"
                + "&onlyKeywords=" + URLEncoder.encode(keyword, StandardCharsets.UTF_8) + more)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return new ObjectMapper().readTree(r.body()).path("data");
    }

    @Test
    void runsReattachesRecoversAKilledApplicationFromItsNewestCheckpointStopsWithASavepointAndStepsBack() throws Exception {
        Path data = Files.createTempDirectory(base, "server");
        long jobId;
        StreamTask first;
        try (ConfigurableApplicationContext ctx = server(data)) {
            jobId = ctx.getBean(JobImportService.class).importZip("admin", "default", "job.zip",
                    new ByteArrayInputStream(zip()), null).jobId();
            StartOutcome started = ctx.getBean(StartService.class).start(jobId, "admin", null, StartCause.USER);
            assertThat(started.status()).as("a YARN start returns while deploying").isEqualTo(TaskStatus.STARTING);
            assertThat(started.flinkJobId()).hasSize(32);
            TaskMapper tasks = ctx.getBean(TaskMapper.class);
            first = awaitRunning(tasks, jobId, started.taskId() - 1);
            assertThat(first.flinkJobId()).isEqualTo(started.flinkJobId());
            assertThat(first.linkisJobInfo()).contains("\"applicationId\":\"application_");
            String installation = ctx.getBean(org.springframework.jdbc.core.JdbcTemplate.class).queryForObject(
                    "SELECT installation_id FROM streamis_installation WHERE name = 'installation'", String.class);
            assertThat(liveApps(jobId).get(0).getApplicationTags()).as("tagged with this installation's id")
                    .contains("streamis-installation-" + installation);

            JsonNode log = logs(ctx, jobId, "yarn", "YarnApplicationClusterEntryPoint");
            assertThat(log.path("logs").toString()).contains("YarnApplicationClusterEntryPoint");
            JsonNode tail = logs(ctx, jobId, "yarn", "", "&lastRows=5");
            assertThat(tail.at("/logs/logs").size()).as(tail.toString()).isEqualTo(5);
            assertThat(tail.at("/logs/endLine").asInt()).as("the last lines of the container log").isGreaterThan(5);
        }

        try (ConfigurableApplicationContext ctx = server(data)) {
            TaskMapper tasks = ctx.getBean(TaskMapper.class);
            long jid = jobId;
            Awaitility.await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(20))
                    .until(() -> tasks.selectLatest(jid).taskStatus() == TaskStatus.RUNNING);
            assertThat(tasks.selectLatest(jobId).id()).as("reattached, not restarted").isEqualTo(first.id());
            assertThat(liveApps(jobId)).as("no second application").hasSize(1);

            // Wait until the monitor has a checkpoint of this run on HDFS, then kill the application via YARN.
            FlinkClusters clusters = ctx.getBean(FlinkClusters.class);
            String fjid = first.flinkJobId();
            CheckpointStats.Completed newest = Awaitility.await().atMost(Duration.ofSeconds(60))
                    .until(() -> clusters.get("yarn").checkpoints(fjid).latestCompleted(), c -> c != null && c.id() >= 2);
            yarn.killApplication(liveApps(jobId).get(0).getApplicationId());

            StreamTask restarted = awaitRunning(tasks, jobId, first.id());
            assertThat(restarted.startCause()).isNotEqualTo("USER");
            assertThat(restarted.restoredFrom()).startsWith("hdfs://").contains("/" + fjid + "/chk-");
            long restoredId = Long.parseLong(restarted.restoredFrom().replaceAll(".*chk-(\\d+).*", "$1"));
            assertThat(restoredId).as("the newest checkpoint of the killed run").isGreaterThanOrEqualTo(newest.id());
            CheckpointStats.Restored flinkRestored = clusters.get("yarn").checkpoints(restarted.flinkJobId())
                    .latestRestored();
            assertThat(flinkRestored.path()).isEqualTo(restarted.restoredFrom().replaceAll("/$", ""));
            assertThat(liveApps(jobId)).hasSize(1);

            StopService.StopOutcome stop = ctx.getBean(StopService.class)
                    .stop(ctx.getBean(JobMapper.class).selectById(jobId), true, "admin").join();
            assertThat(stop.savepointPath()).startsWith("hdfs://").contains("savepoint-");
            assertThat(tasks.selectLatest(jobId).taskStatus()).isEqualTo(TaskStatus.STOPPED);
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> liveApps(jid).isEmpty());

            // A bulk start follows the deployment: the item is done only once the task runs, restored from the
            // stop's savepoint.
            BulkService bulk = ctx.getBean(BulkService.class);
            long bulkId = bulk.submit("admin", BulkAction.EXECUTION, List.of(jobId), false, Map.of());
            BulkItem item = Awaitility.await().atMost(DEPLOY).pollInterval(Duration.ofSeconds(1))
                    .until(() -> bulk.items(bulkId).get(0), i -> i.itemState().isDone());
            assertThat(item.itemState()).isEqualTo(ItemState.SUCCEEDED);
            assertThat(tasks.selectById(item.taskId()).taskStatus()).isEqualTo(TaskStatus.RUNNING);
            String savepointName = stop.savepointPath().replaceAll("/$", "")
                    .substring(stop.savepointPath().replaceAll("/$", "").lastIndexOf('/') + 1);
            assertThat(item.message()).startsWith("running, restored from hdfs://").contains(savepointName);
            assertThat(bulk.operation(bulkId).finished()).isTrue();

            // A deployed start from a point that turns out broken: Flink's refusal is recorded against the point
            // and the auto-restart steps back to the next one (the first stop's savepoint), never to empty.
            StopService.StopOutcome second = ctx.getBean(StopService.class)
                    .stop(ctx.getBean(JobMapper.class).selectById(jobId), true, "admin").join();
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> liveApps(jid).isEmpty());
            org.apache.hadoop.fs.Path metadata = new org.apache.hadoop.fs.Path(
                    second.savepointPath().replaceAll("/$", "") + "/_metadata");
            try (var out = hadoop.dfs().getFileSystem().create(metadata, true)) {
                out.write("this is not a savepoint".getBytes(StandardCharsets.UTF_8));
            }
            StartOutcome broken = ctx.getBean(StartService.class).start(jobId, "admin", null, StartCause.USER);
            assertThat(broken.restoredFrom()).isEqualTo(second.savepointPath());
            StreamTask back = awaitRunning(tasks, jobId, broken.taskId());
            assertThat(tasks.selectById(broken.taskId()).taskStatus()).isEqualTo(TaskStatus.FAILED);
            assertThat(ctx.getBean(org.springframework.jdbc.core.JdbcTemplate.class).queryForList(
                    "SELECT task_id FROM linkis_stream_restore_mark WHERE job_id = ? AND action = 'REFUSED'",
                    Long.class, jobId)).containsExactly(broken.taskId());
            assertThat(back.restoredFrom()).as("stepped back to the first stop's savepoint")
                    .isEqualTo(stop.savepointPath());
            ctx.getBean(StopService.class).stop(ctx.getBean(JobMapper.class).selectById(jobId), false, "admin").join();

            // The ended run's JobManager log is still there for the user: YARN's aggregated logs.
            JsonNode ended = Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2))
                    .until(() -> logs(ctx, jobId, "yarn", "YarnApplicationClusterEntryPoint"),
                            l -> l.path("logs").path("logs").toString().contains("YarnApplicationClusterEntryPoint"));
            assertThat(ended.path("logs").path("logPath").asText()).startsWith("yarn logs -applicationId application_");
        }
    }
}
