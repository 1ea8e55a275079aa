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

    JsonNode execute(long jobId, String snapshotPath) throws Exception {
        String body = snapshotPath == null ? "{\"jobId\":" + jobId + "}"
                : "{\"jobId\":" + jobId + ",\"snapshotPath\":\"" + snapshotPath + "\"}";
        JsonNode r = api.postJson(admin, JOB + "/execute", body);
        assertThat(r.get("status").asInt()).as(r.toString()).isZero();
        assertThat(r.at("/data/status").asInt()).isEqualTo(5);
        return r.get("data");
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

}
