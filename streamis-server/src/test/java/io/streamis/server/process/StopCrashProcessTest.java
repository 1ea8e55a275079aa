package io.streamis.server.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamis.server.flink.FlinkTestSupport;
import io.streamis.server.flink.StandaloneCluster;
import io.streamis.server.support.MariaDbSchema;
import io.streamis.server.support.Zips;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.commons.io.FileUtils;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A stop with savepoint is an intent that survives its server: a real server process is killed ({@code kill -9})
 * while Flink is still taking the stop's savepoint (held on cue by the job), and the next server process finishes
 * the stop — the run STOPPED, the savepoint recorded as the run's restore point and offered by the next start's
 * inspection — from nothing but the database row and Flink's trigger id. Before, the run ended STOPPED with the
 * savepoint missing from its records.
 */
class StopCrashProcessTest {

    private static final String JOB = "/streamis/streamJobManager/job";

    @Test
    void aStopWithSavepointInterruptedByAKillIsFinishedByTheNextServerProcess() throws Exception {
        MariaDbSchema schema = new MariaDbSchema();
        String dbUrl = schema.create();
        Path root = Files.createTempDirectory("streamis-stopcrash");
        try (StandaloneCluster flink = StandaloneCluster.start("1.20.0", 2)) {
            String[] args = {
                "--spring.datasource.url=" + dbUrl,
                "--spring.datasource.username=" + MariaDbSchema.USER,
                "--spring.datasource.password=" + MariaDbSchema.PASSWORD,
                "--streamis.launcher.embedded.enabled=false",
                "--streamis.launcher.default-cluster=standalone",
                "--streamis.launcher.clusters.standalone.type=standalone",
                "--streamis.launcher.clusters.standalone.rest-url=" + flink.restUrl,
                "--streamis.launcher.data-dir=" + root.resolve("flink"),
                "--streamis.jobmanager.material-root=" + root.resolve("materials"),
                "--streamis.jobmanager.task-log-root=" + root.resolve("task-logs")};
            Path hold = root.resolve("hold-savepoint");
            long jobId;
            long taskId;
            try (ServerProcess first = ServerProcess.start(root.resolve("server"), args)) {
                jobId = createJob(first, hold);
                JsonNode started = first.post(JOB + "/execute", "{\"jobId\":" + jobId + "}");
                assertThat(started.path("status").asInt()).as(started.toString()).isZero();
                taskId = started.at("/data/taskId").asLong();
                Awaitility.await("the run is RUNNING with a checkpoint recorded").atMost(Duration.ofSeconds(90))
                        .pollInterval(Duration.ofMillis(250)).until(() -> status(dbUrl, taskId) == 5
                                && count(dbUrl, "SELECT COUNT(*) FROM linkis_stream_restore_point WHERE job_id = "
                                + jobId + " AND kind = 'CHECKPOINT'") > 0);

                // The job stops processing: the savepoint's barrier cannot pass until the file is gone.
                Files.createFile(hold);
                CompletableFuture<JsonNode> answer = CompletableFuture.supplyAsync(() -> {
                    try {
                        return first.get(JOB + "/stop?jobId=" + jobId + "&snapshot=true");
                    } catch (Exception e) {
                        return null; // the server is killed under the request: no answer is expected
                    }
                });
                Awaitility.await("Flink accepted the stop and its trigger id is recorded").atMost(Duration.ofSeconds(30))
                        .pollInterval(Duration.ofMillis(20)).until(() -> operation(dbUrl, taskId).get("state"),
                                "TRIGGERED"::equals);
                assertThat(status(dbUrl, taskId)).as("STOPPING while the savepoint is pending").isEqualTo(9);
                first.kill();
                assertThat(answer.get()).isNull();
            }

            // Flink completes the savepoint (and ends the job) while no server runs.
            Files.delete(hold);
            try (ServerProcess second = ServerProcess.start(root.resolve("server"), args)) {
                Awaitility.await("the next server settles the stop").atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(250)).until(() -> status(dbUrl, taskId) == 7);
                Map<String, String> op = operation(dbUrl, taskId);
                assertThat(op.get("state")).isEqualTo("DONE");
                String savepoint = op.get("result_path");
                assertThat(savepoint).contains("savepoint-");
                assertThat(count(dbUrl, "SELECT COUNT(*) FROM linkis_stream_restore_point WHERE task_id = " + taskId
                        + " AND kind = 'SAVEPOINT' AND origin = 'stop'")).as("the savepoint is the run's restore point")
                        .isEqualTo(1);
                JsonNode inspect = second.put(JOB + "/execute/inspect?jobId=" + jobId, "{}");
                assertThat(FlinkTestSupport.normalise(inspect.at("/data/snapshot/path").asText()))
                        .as("the next start restores from it: " + inspect)
                        .isEqualTo(FlinkTestSupport.normalise(savepoint));
            }
        } finally {
            schema.drop();
            FileUtils.deleteQuietly(root.toFile());
        }
    }

    private static long createJob(ServerProcess via, Path hold) throws Exception {
        byte[] zip = Zips.zip().add("meta.json", """
                {"projectName":"default","jobName":"stop_crash","jobType":"flink.jar",
                 "jobContent":{"main.class.jar":"count-job.jar","main.class":"io.streamis.server.testjob.CountJob",
                   "args":["--rate","40","--hold","%s"]},"jobConfig":{%s}}""".formatted(hold,
                FlinkTestSupport.produce("1000", false, null))).add("count-job.jar", FlinkTestSupport.countJobJar())
                .bytes();
        JsonNode r = via.upload("default", "stop_crash.zip", zip);
        assertThat(r.path("status").asInt()).as(r.toString()).isZero();
        return r.at("/data/jobId").asLong();
    }

    private static int status(String dbUrl, long taskId) throws Exception {
        return (int) count(dbUrl, "SELECT status FROM linkis_stream_task WHERE id = " + taskId);
    }

    private static long count(String dbUrl, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(dbUrl, MariaDbSchema.USER, MariaDbSchema.PASSWORD);
             PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }

    /** The newest operation on the run, column by column (empty when there is none). */
    private static Map<String, String> operation(String dbUrl, long taskId) throws Exception {
        try (Connection c = DriverManager.getConnection(dbUrl, MariaDbSchema.USER, MariaDbSchema.PASSWORD);
             PreparedStatement s = c.prepareStatement("SELECT state, trigger_id, result_path, error FROM"
                     + " streamis_task_operation WHERE task_id = ? ORDER BY id DESC LIMIT 1")) {
            s.setLong(1, taskId);
            Map<String, String> row = new LinkedHashMap<>();
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    for (String col : new String[] {"state", "trigger_id", "result_path", "error"}) {
                        row.put(col, rs.getString(col));
                    }
                }
            }
            return row;
        }
    }
}
