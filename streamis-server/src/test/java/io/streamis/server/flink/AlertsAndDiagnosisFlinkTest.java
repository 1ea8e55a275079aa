package io.streamis.server.flink;

import static io.streamis.server.flink.FlinkTestSupport.await;
import static io.streamis.server.flink.FlinkTestSupport.produce;
import static io.streamis.server.flink.FlinkTestSupport.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamis.jobmanager.alert.RecordingHttpServer;
import io.streamis.server.support.ApiTestSupport;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Alerts and diagnosis with real Flink jobs: a job whose TaskManager dies raises one signed alert at the
 * project's webhook and, once auto-restart brought it back, the resolve message of the same incident; a SQL job
 * naming a connector that does not exist fails to start and {@code execute/errorMsg} explains why.
 */
class AlertsAndDiagnosisFlinkTest extends AbstractFlinkApiTest {

    @Test
    void aFailedJobAlertsTheProjectsWebhookOnceAndResolvesWhenItRunsAgain() throws Exception {
        try (RecordingHttpServer far = new RecordingHttpServer()) {
            JsonNode ch = api.postJson(admin, "/streamis/streamJobManager/alert/channels", "{\"projectName\":"
                    + "\"default\",\"name\":\"flink-e2e-" + System.nanoTime() + "\",\"type\":\"WEBHOOK\","
                    + "\"target\":\"" + far.url("/hook") + "\",\"secret\":\"e2e\"}");
            assertThat(ch.get("status").asInt()).as(ch.toString()).isZero();
            long channelId = ch.at("/data/channel/id").asLong();
            try {
                long jobId = upload(FlinkTestSupport.sqlZip("sql_alerted",
                        produce("500", true, "\"restart-strategy.type\":\"none\"")));
                JsonNode run1 = execute(jobId, null);
                awaitCheckpoint(jobId);

                embedded.killNewestTaskManager();
                embedded.addTaskManager();

                await("auto-restart to RUNNING", WAIT, () -> status(api, admin, jobId),
                        s -> s.get("taskId").asLong() != run1.get("taskId").asLong()
                                && s.get("statusCode").asInt() == 5);
                await("the firing and the resolve message", WAIT, () -> json.valueToTree(bodies(far, jobId)),
                        n -> n.findValues("kind").stream().anyMatch(k -> k.asText().equals("RESOLVED")));
                List<JsonNode> msgs = bodies(far, jobId);
                JsonNode firing = msgs.stream().filter(m -> m.get("kind").asText().equals("FIRING")).findFirst()
                        .orElseThrow();
                JsonNode resolved = msgs.stream().filter(m -> m.get("kind").asText().equals("RESOLVED"))
                        .findFirst().orElseThrow();
                assertThat(firing.get("rule").asText()).isEqualTo("JOB_FAILED");
                assertThat(firing.get("taskId").asLong()).isEqualTo(run1.get("taskId").asLong());
                assertThat(firing.get("text").asText()).contains("FAILED");
                assertThat(resolved.get("incidentId").asLong()).isEqualTo(firing.get("incidentId").asLong());
                assertThat(msgs.stream().filter(m -> m.get("kind").asText().equals("FIRING")).count())
                        .as("one alert for the one failure").isEqualTo(1);
                assertThat(far.received().get(0).header("X-Streamis-Signature")).startsWith("sha256=");
            } finally {
                jdbc.update("DELETE FROM streamis_alert_channel WHERE id = ?", channelId);
            }
        }
    }

    private List<JsonNode> bodies(RecordingHttpServer far, long jobId) {
        return far.received().stream().map(r -> {
            try {
                return json.readTree(r.body());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).filter(n -> n.path("jobId").asLong() == jobId).toList();
    }

    @Test
    void aSqlJobWithAnUnknownConnectorFailsAndErrorMsgExplainsIt() throws Exception {
        String sql = """
                CREATE TABLE src (k INT) WITH ('connector'='nope');
                CREATE TABLE snk (k INT) WITH ('connector'='blackhole');
                INSERT INTO snk SELECT k FROM src;
                """;
        long jobId = upload(FlinkTestSupport.sqlZip("sql_nope", sql, produce("60000", false, null)));
        JsonNode r = api.postJson(admin, JOB + "/execute", "{\"jobId\":" + jobId + "}");
        assertThat(r.get("status").asInt()).as("the start fails").isNotZero();

        JsonNode details = api.call(get(ApiTestSupport.API + JOB + "/execute/errorMsg").session(admin)
                .param("jobId", String.valueOf(jobId))).at("/data/details");
        assertThat(details.get("errDesc").asText()).as("the raw error stays").startsWith("Launch failed: ")
                .contains("'nope'");
        // The platform's own words in the reader's language, Flink's as they are; English for an English reader.
        JsonNode zh = errorMsg(jobId, "zh-CN");
        assertThat(zh.get("errDesc").asText()).startsWith("提交失败：").doesNotContain("Launch failed")
                .contains("Could not find any factory for identifier 'nope'");
        assertThat(zh.get("diagnosis").get("code").asText()).as("matched on the recorded English")
                .isEqualTo("CONNECTOR_MISSING");
        assertThat(errorMsg(jobId, "en").get("errDesc").asText()).isEqualTo(details.get("errDesc").asText());
        assertThat(stopCause(jobId, "zh-CN")).startsWith("提交失败：");
        JsonNode d = details.get("diagnosis");
        assertThat(d.get("code").asText()).as(details.toString()).isEqualTo("CONNECTOR_MISSING");
        assertThat(d.get("explanationEn").asText()).contains("'nope'");
        assertThat(d.get("matched").asText()).contains("Could not find any factory for identifier 'nope'");
        assertThat(d.get("source").asText()).as("a session cluster's run: the recorded error says it")
                .isEqualTo("RECORDED_ERROR");
    }
}
