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
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.commons.io.FileUtils;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A stop with savepoint is an intent that survives its server, proven on real server processes and a real
 * standalone Flink cluster, with the job holding the savepoint's barrier on cue so the signal lands while Flink is
 * still taking it. {@code kill -9}: the next server process finishes the stop — the run STOPPED, the savepoint
 * recorded as the run's restore point and offered by the next start's inspection — from nothing but the database
 * row and Flink's trigger id (before, the run ended STOPPED with the savepoint missing from its records). SIGTERM:
 * the graceful shutdown answers the stop in flight and records its savepoint before the process exits.
 */
class StopCrashProcessTest {

    private static final String JOB = "/streamis/streamJobManager/job";

    static final MariaDbSchema SCHEMA = new MariaDbSchema();
    static String dbUrl;
    static Path root;
    static StandaloneCluster flink;

    @BeforeAll
    static void start() throws Exception {
        dbUrl = SCHEMA.create();
        root = Files.createTempDirectory("streamis-stopcrash");
        flink = StandaloneCluster.start("1.20.0", 2);
    }

    @AfterAll
    static void stop() throws Exception {
        if (flink != null) {
            flink.close();
        }
        SCHEMA.drop();
        FileUtils.deleteQuietly(root.toFile());
    }

    static String[] args() {
        return new String[] {
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
    }

    @Test
    void aStopWithSavepointInterruptedByAKillIsFinishedByTheNextServerProcess() throws Exception {
        Path hold = root.resolve("hold-kill");
        long jobId;
        long taskId;
        try (ServerProcess first = ServerProcess.start(root.resolve("server-kill"), args())) {
            jobId = createJob(first, "stop_kill", hold);
            taskId = runWithCheckpoint(first, jobId);
            // The job stops processing: the savepoint's barrier cannot pass until the file is gone.
            Files.createFile(hold);
            CompletableFuture<JsonNode> answer = stopAsync(first, jobId);
            awaitTriggered(taskId);
            first.kill();
            assertThat(answer.get()).as("no answer from a killed server").isNull();
        }

        // Flink completes the savepoint (and ends the job) while no server runs.
        Files.delete(hold);
        try (ServerProcess second = ServerProcess.start(root.resolve("server-kill"), args())) {
            // Settled: the run STOPPED and its operation no longer open (both commit together since session 9).
            Awaitility.await("the next server settles the stop").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(250)).until(() -> status(taskId) == 7
                            && !List.of("REQUESTED", "TRIGGERED").contains(operation(taskId).get("state")));
            String savepoint = assertStoppedWithRecordedSavepoint(taskId);
            JsonNode inspect = second.put(JOB + "/execute/inspect?jobId=" + jobId, "{}");
            assertThat(FlinkTestSupport.normalise(inspect.at("/data/snapshot/path").asText()))
                    .as("the next start restores from it: " + inspect)
                    .isEqualTo(FlinkTestSupport.normalise(savepoint));
        }
    }

    @Test
    void aStopInFlightWhenSigtermArrivesIsAnsweredAndRecordedBeforeTheServerExits() throws Exception {
        Path hold = root.resolve("hold-term");
        try (ServerProcess server = ServerProcess.start(root.resolve("server-term"), args())) {
            long jobId = createJob(server, "stop_term", hold);
            long taskId = runWithCheckpoint(server, jobId);
            Files.createFile(hold);
            CompletableFuture<JsonNode> answer = stopAsync(server, jobId);
            awaitTriggered(taskId);

            server.signal("TERM");
            // The graceful shutdown has begun and waits for the stop's answer; the savepoint completes after.
            Awaitility.await("the graceful shutdown begins").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(100)).until(() -> server.log().contains("Commencing graceful"
                            + " shutdown"));
            assertThat(server.process().isAlive()).as("still finishing the stop in flight").isTrue();
            Files.delete(hold);

            JsonNode stopped = answer.get(60, TimeUnit.SECONDS);
            assertThat(stopped).as("the stop is answered").isNotNull();
            assertThat(stopped.path("status").asInt()).as(stopped.toString()).isZero();
            String savepoint = assertStoppedWithRecordedSavepoint(taskId);
            assertThat(stopped.at("/data/path").asText()).isEqualTo(savepoint);
            assertThat(server.process().waitFor(60, TimeUnit.SECONDS)).as("the server exits").isTrue();
        }
    }

    private static long runWithCheckpoint(ServerProcess via, long jobId) throws Exception {
        JsonNode started = via.post(JOB + "/execute", "{\"jobId\":" + jobId + "}");
        assertThat(started.path("status").asInt()).as(started.toString()).isZero();
        long taskId = started.at("/data/taskId").asLong();
        Awaitility.await("the run is RUNNING with a checkpoint recorded").atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(250)).until(() -> status(taskId) == 5
                        && count("SELECT COUNT(*) FROM linkis_stream_restore_point WHERE task_id = " + taskId
                        + " AND kind = 'CHECKPOINT'") > 0);
        return taskId;
    }

    private static CompletableFuture<JsonNode> stopAsync(ServerProcess via, long jobId) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return via.get(JOB + "/stop?jobId=" + jobId + "&snapshot=true");
            } catch (Exception e) {
                return null; // the server went away under the request
            }
        });
    }

    private static void awaitTriggered(long taskId) throws Exception {
        Awaitility.await("Flink accepted the stop and its trigger id is recorded").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(20)).until(() -> operation(taskId).get("state"), "TRIGGERED"::equals);
        assertThat(status(taskId)).as("STOPPING while the savepoint is pending").isEqualTo(9);
    }

    /** The run STOPPED, its operation DONE, the savepoint the run's restore point; returns the savepoint. */
    private static String assertStoppedWithRecordedSavepoint(long taskId) throws Exception {
        assertThat(status(taskId)).isEqualTo(7);
        Map<String, String> op = operation(taskId);
        assertThat(op.get("state")).as(op.toString()).isEqualTo("DONE");
        String savepoint = op.get("result_path");
        assertThat(savepoint).contains("savepoint-");
        assertThat(count("SELECT COUNT(*) FROM linkis_stream_restore_point WHERE task_id = " + taskId
                + " AND kind = 'SAVEPOINT' AND origin = 'stop'")).as("the savepoint is the run's restore point")
                .isEqualTo(1);
        return savepoint;
    }

    private static long createJob(ServerProcess via, String name, Path hold) throws Exception {
        byte[] zip = Zips.zip().add("meta.json", """
                {"projectName":"default","jobName":"%s","jobType":"flink.jar",
                 "jobContent":{"main.class.jar":"count-job.jar","main.class":"io.streamis.server.testjob.CountJob",
                   "args":["--rate","40","--hold","%s"]},"jobConfig":{%s}}""".formatted(name, hold,
                FlinkTestSupport.produce("1000", false, null))).add("count-job.jar", FlinkTestSupport.countJobJar())
                .bytes();
        JsonNode r = via.upload("default", name + ".zip", zip);
        assertThat(r.path("status").asInt()).as(r.toString()).isZero();
        return r.at("/data/jobId").asLong();
    }

    private static int status(long taskId) throws Exception {
        return (int) count("SELECT status FROM linkis_stream_task WHERE id = " + taskId);
    }

    private static long count(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(dbUrl, MariaDbSchema.USER, MariaDbSchema.PASSWORD);
             PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }

    /** The newest operation on the run, column by column (empty when there is none). */
    private static Map<String, String> operation(long taskId) throws Exception {
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
