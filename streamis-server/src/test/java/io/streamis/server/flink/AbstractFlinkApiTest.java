package io.streamis.server.flink;

import static io.streamis.server.flink.FlinkTestSupport.await;
import static io.streamis.server.flink.FlinkTestSupport.snapshots;
import static io.streamis.server.flink.FlinkTestSupport.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamis.launcher.cluster.EmbeddedFlinkCluster;
import io.streamis.launcher.cluster.FlinkClusters;
import io.streamis.server.support.ApiTestSupport;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** One embedded MiniCluster and server context shared by every Flink test class (same properties = same context). */
@SpringBootTest(properties = {
        "streamis.launcher.embedded.enabled=true",
        "streamis.launcher.embedded.slots=16",
        "streamis.jobmanager.monitor.enabled=true",
        "streamis.jobmanager.monitor.interval=500ms",
        "streamis.jobmanager.monitor.lost-confirm-after=2s",
        "streamis.jobmanager.restart.initial-backoff=300ms",
        "streamis.jobmanager.operation-timeout=60s",
        "streamis.jobmanager.restore-roots=${java.io.tmpdir}/streamis-test-restore-root"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
@org.springframework.context.annotation.Import(OperationWriteFault.class)
abstract class AbstractFlinkApiTest {

    static final String JOB = "/streamis/streamJobManager/job";
    static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired FlinkClusters clusters;
    @Autowired EmbeddedFlinkCluster embedded;
    @Autowired JdbcTemplate jdbc;

    ApiTestSupport api;
    MockHttpSession admin;

    @BeforeEach
    void setUp() throws Exception {
        api = new ApiTestSupport(mvc, json);
        admin = api.login("admin", "admin-password-1");
    }

    @AfterEach
    void stopEverything() {
        // One cluster serves the whole class: leave no job behind for the next test.
        clusters.get("embedded").jobsOverview().values().stream().filter(j -> !j.state().isGloballyTerminal())
                .forEach(j -> clusters.get("embedded").cancel(j.jobId()));
    }

    long upload(byte[] zip) throws Exception {
        JsonNode r = api.upload(admin, "default", "job.zip", zip);
        assertThat(r.get("status").asInt()).as(r.toString()).isZero();
        return r.at("/data/jobId").asLong();
    }

    /**
     * Starts through {@code POST /execute} (which answers with the task STARTING) and waits until the job's run is
     * RUNNING in the platform's own table, as the list shows it. Returns that run: {@code taskId}, {@code status},
     * {@code restoredFrom}, {@code flinkJobId} (after a step back, a later task than the one the request made).
     */
    JsonNode execute(long jobId, String snapshotPath) throws Exception {
        return awaitRunning(jobId, executeAccepted(jobId, snapshotPath));
    }

    /** {@code POST /execute} succeeded with the 0.3.x answer, the task STARTING; returns the answer's data. */
    JsonNode executeAccepted(long jobId, String snapshotPath) throws Exception {
        return accepted(api.postJson(admin, JOB + "/execute", snapshotPath == null ? "{\"jobId\":" + jobId + "}"
                : "{\"jobId\":" + jobId + ",\"snapshotPath\":\"" + snapshotPath + "\"}"));
    }

    static JsonNode accepted(JsonNode r) {
        assertThat(r.get("status").asInt()).as(r.toString()).isZero();
        assertThat(r.at("/data/status").asInt()).as(r.toString()).isEqualTo(8);
        assertThat(r.at("/data/taskId").asLong()).isPositive();
        assertThat(r.at("/data/flinkJobId").asText()).isNotBlank();
        return r.get("data");
    }

    /** Waits until the job's latest run (the accepted one or a later step back) is RUNNING; returns it. */
    JsonNode awaitRunning(long jobId, JsonNode accepted) {
        long from = accepted.get("taskId").asLong();
        return await("job " + jobId + " RUNNING (started as task " + from + ")", WAIT, () -> latestRun(jobId, from),
                t -> t.path("status").asInt() == 5);
    }

    /** Waits until the job's latest run since {@code accepted} is FAILED for good (no step back follows). */
    JsonNode awaitStartFailed(long jobId, JsonNode accepted, String messagePart) {
        long from = accepted.get("taskId").asLong();
        return await("job " + jobId + " start FAILED with \"" + messagePart + "\"", WAIT,
                () -> latestRun(jobId, from), t -> t.path("status").asInt() == 6
                        && t.path("errDesc").asText().contains(messagePart));
    }

    /** The job's newest task from {@code fromTaskId} on, as the platform's table has it. */
    JsonNode latestRun(long jobId, long fromTaskId) {
        Map<String, Object> row = jdbc.queryForMap("SELECT id AS taskId, status, restored_from AS restoredFrom,"
                + " linkis_job_id AS flinkJobId, err_desc AS errDesc FROM linkis_stream_task WHERE job_id = ?"
                + " AND id >= ? ORDER BY id DESC LIMIT 1", jobId, fromTaskId);
        Map<String, Object> named = new LinkedHashMap<>();
        for (String k : List.of("taskId", "status", "restoredFrom", "flinkJobId", "errDesc")) {
            named.put(k, null);
            row.forEach((column, value) -> {
                if (column.equalsIgnoreCase(k)) {
                    named.put(k, value);
                }
            });
        }
        return json.valueToTree(named);
    }

    String flinkJobId(long taskId) {
        return jdbc.queryForObject("SELECT linkis_job_id FROM linkis_stream_task WHERE id = ?", String.class, taskId);
    }

    String restoredInFlink(String flinkJobId) {
        JsonNode stats = await("Flink reports the restore of " + flinkJobId, WAIT,
                () -> json.valueToTree(clusters.get("embedded").checkpoints(flinkJobId)),
                n -> n.path("latestRestored").isObject());
        return stats.at("/latestRestored/path").asText();
    }

    JsonNode awaitCheckpoint(long jobId) {
        return await("a checkpoint recorded for job " + jobId, WAIT, () -> snapshots(api, admin, jobId),
                s -> s.findValues("kind").stream().anyMatch(k -> k.asText().equals("CHECKPOINT")));
    }

    /** {@code GET .../execute/errorMsg}'s details as a reader of {@code language} sees them. */
    JsonNode errorMsg(long jobId, String language) throws Exception {
        return api.call(get(ApiTestSupport.API + JOB + "/execute/errorMsg").session(admin)
                .param("jobId", String.valueOf(jobId)).header("Accept-Language", language)).at("/data/details");
    }

    /** The newest run's stop cause in {@code GET .../execute/history}, as a reader of {@code language} sees it. */
    String stopCause(long jobId, String language) throws Exception {
        return api.call(get(ApiTestSupport.API + JOB + "/execute/history").session(admin)
                .param("jobId", String.valueOf(jobId)).header("Accept-Language", language))
                .at("/data/details/0/stopCause").asText();
    }
}
