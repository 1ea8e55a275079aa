package io.streamis.server.alert;

import static io.streamis.server.support.Zips.sqlMeta;
import static io.streamis.server.support.Zips.zip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamis.common.error.Text;
import io.streamis.jobmanager.alert.RecordingHttpServer;
import io.streamis.jobmanager.task.TaskFact;
import io.streamis.server.support.ApiTestSupport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Alerts end to end below Flink: channels over REST (validation, secrets never returned, test send), facts
 * published as the monitor publishes them, one incident per (job, rule), delivery from the persisted outbox with
 * retries and back-off to a real HTTP server, give-up and hand retry, resolve messages, and the job's rules.
 */
@SpringBootTest(properties = {
        "streamis.jobmanager.alerts.poll-interval=100ms",
        "streamis.jobmanager.alerts.initial-backoff=100ms",
        "streamis.jobmanager.alerts.max-attempts=3"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
abstract class AbstractAlertApiTest {

    static final String ALERT = "/streamis/streamJobManager/alert";
    static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;
    @Autowired ApplicationEventPublisher events;

    ApiTestSupport api;
    MockHttpSession admin;
    RecordingHttpServer far;
    String project;
    long jobId;

    @BeforeEach
    void setUp() throws Exception {
        api = new ApiTestSupport(mvc, json);
        admin = api.login("admin", "admin-password-1");
        far = new RecordingHttpServer();
        project = "alerts" + System.nanoTime();
        assertThat(api.postJson(admin, "/streamis/project/createProject", "{\"projectName\":\"" + project + "\"}")
                .get("status").asInt()).isZero();
        JsonNode up = api.upload(admin, project, "job.zip", zip().add("meta.json", sqlMeta(project, "orders",
                "SELECT 1", "\"wds.linkis.flink.alert.failure.user\":\"alice,hduser01\"")).bytes());
        assertThat(up.get("status").asInt()).as(up.toString()).isZero();
        jobId = up.at("/data/jobId").asLong();
    }

    @AfterEach
    void tearDown() {
        far.close();
    }

    JsonNode createChannel(String body) throws Exception {
        return api.postJson(admin, ALERT + "/channels", body);
    }

    long webhook(String name, String secret, String minLevel) throws Exception {
        JsonNode r = createChannel("{\"projectName\":\"" + project + "\",\"name\":\"" + name + "\",\"type\":\"WEBHOOK\","
                + "\"target\":\"" + far.url("/hook") + "\"" + (secret == null ? "" : ",\"secret\":\"" + secret + "\"")
                + (minLevel == null ? "" : ",\"minLevel\":\"" + minLevel + "\"") + "}");
        assertThat(r.get("status").asInt()).as(r.toString()).isZero();
        return r.at("/data/channel/id").asLong();
    }

    List<JsonNode> received(String kind) {
        return far.received().stream().map(r -> {
            try {
                return json.readTree(r.body());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).filter(n -> n.get("kind").asText().equals(kind)).toList();
    }

    void awaitTrue(String what, java.util.concurrent.Callable<Boolean> probe) {
        Awaitility.await(what).atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(probe);
    }

    List<Map<String, Object>> incidents() {
        return jdbc.queryForList("SELECT * FROM streamis_alert_incident WHERE job_id = ? ORDER BY id", jobId);
    }

    void config(String produce) throws Exception {
        JsonNode r = api.postJson(admin, "/streamis/streamJobManager/config/json/" + jobId,
                "{\"wds.linkis.flink.produce\":{" + produce + "}}");
        assertThat(r.get("status").asInt()).as(r.toString()).isZero();
    }

    @Test
    void badChannelsAreRefusedWithTheReasonAndNothingIsWritten() throws Exception {
        String base = "{\"projectName\":\"" + project + "\",\"name\":\"x\",";
        assertThat(createChannel(base + "\"type\":\"PAGER\",\"target\":\"http://h/\"}").get("message").asText())
                .contains("type must be one of");
        assertThat(createChannel(base + "\"type\":\"WEBHOOK\",\"target\":\"ftp://h/x\"}").get("message").asText())
                .contains("http(s) URL");
        assertThat(createChannel(base + "\"type\":\"EMAIL\",\"target\":\"ops@corp, nobody\"}").get("message")
                .asText()).contains("nobody");
        assertThat(createChannel(base + "\"type\":\"DINGTALK\",\"target\":\"https://h/x\",\"minLevel\":\"LOUD\"}")
                .get("message").asText()).contains("minLevel");
        // The channel dialog's refusals in the reader's language.
        JsonNode zh = api.call(post(ApiTestSupport.API + ALERT + "/channels").session(admin)
                .header("Accept-Language", "zh-CN").contentType(MediaType.APPLICATION_JSON)
                .content(base + "\"type\":\"WEBHOOK\",\"target\":\"ftp://h/x\"}"));
        assertThat(zh.get("message").asText()).isEqualTo("WEBHOOK 通道的地址必须是带主机名的 http(s) URL：ftp://h/x");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM streamis_alert_channel WHERE project_name = ?",
                Long.class, project)).isZero();
    }

    @Test
    void channelsKeepTheirSecretWhichTheApiNeverReturns() throws Exception {
        long id = webhook("ops", "s3cret", "MAJOR");
        JsonNode list = api.call(get(ApiTestSupport.API + ALERT + "/channels").param("projectName", project)
                .session(admin));
        assertThat(list.at("/data/channels")).hasSize(1);
        assertThat(list.at("/data/channels/0/hasSecret").asBoolean()).isTrue();
        assertThat(list.toString()).doesNotContain("s3cret");
        // An update without a secret keeps it; a duplicate name is refused.
        JsonNode upd = api.call(put(ApiTestSupport.API + ALERT + "/channels/" + id).session(admin)
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"ops2\",\"type\":\"WEBHOOK\",\"target\":\""
                        + far.url("/hook2") + "\"}"));
        assertThat(upd.at("/data/channel/hasSecret").asBoolean()).isTrue();
        assertThat(upd.at("/data/channel/minLevel").asText()).as("left out = kept").isEqualTo("MAJOR");
        assertThat(jdbc.queryForObject("SELECT secret FROM streamis_alert_channel WHERE id = ?", String.class, id))
                .isEqualTo("s3cret");
        webhook("other", null, null);
        JsonNode dup = api.call(put(ApiTestSupport.API + ALERT + "/channels/" + id).session(admin)
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"other\",\"type\":\"WEBHOOK\","
                        + "\"target\":\"" + far.url("/h") + "\"}"));
        assertThat(dup.get("message").asText()).contains("already has a channel named other");
        assertThat(api.call(delete(ApiTestSupport.API + ALERT + "/channels/" + id).session(admin)).get("status")
                .asInt()).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM streamis_alert_channel WHERE id = ?", Long.class, id))
                .isZero();
    }

    @Test
    void testSendDeliversNowAndReportsTheChannelsRefusal() throws Exception {
        long id = webhook("ops", "k", null);
        JsonNode ok = api.call(post(ApiTestSupport.API + ALERT + "/channels/" + id + "/test").session(admin));
        assertThat(ok.at("/data/result/delivered").asBoolean()).as(ok.toString()).isTrue();
        assertThat(received("TEST")).hasSize(1);
        assertThat(far.received().get(0).header("X-Streamis-Signature")).startsWith("sha256=");

        far.script(new RecordingHttpServer.Reply(500, "{\"error\":\"down\"}"));
        JsonNode bad = api.call(post(ApiTestSupport.API + ALERT + "/channels/" + id + "/test").session(admin));
        assertThat(bad.at("/data/result/delivered").asBoolean()).isFalse();
        assertThat(bad.at("/data/result/error").asText()).contains("HTTP 500");
    }

    @Test
    void aFailureIsOneIncidentDeliveredWithRetriesAndResolvedWhenTheJobRunsAgain() throws Exception {
        far.script(new RecordingHttpServer.Reply(200, "{}"), new RecordingHttpServer.Reply(500, "e1"),
                new RecordingHttpServer.Reply(502, "e2"));
        long channel = webhook("ops", "s3cret", null);
        events.publishEvent(new TaskFact.Failed(jobId, null, "Flink reports the job FAILED: boom", false));
        events.publishEvent(new TaskFact.Failed(jobId, null, "Flink reports the job FAILED: boom again", false));

        awaitTrue("the alert delivered after two refusals", () -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM streamis_alert_outbox WHERE channel_id = ? AND status = 'SENT'", Long.class,
                channel) == 1);
        assertThat(incidents()).as("one incident for the same failure").hasSize(1);
        Map<String, Object> incident = incidents().get(0);
        assertThat(incident.get("rule")).isEqualTo("JOB_FAILED");
        assertThat(incident.get("level")).as("the failure level's default").isEqualTo("CRITICAL");
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM streamis_alert_outbox WHERE channel_id = ?", channel);
        assertThat(((Number) row.get("attempts")).intValue()).isEqualTo(3);
        assertThat(far.received()).hasSize(3);
        assertThat(far.received().stream().map(r -> r.header("X-Streamis-Delivery")).distinct())
                .as("every retry carries the same delivery id").hasSize(1);
        JsonNode firing = received("FIRING").get(0);
        assertThat(firing.get("text").asText()).contains("boom");
        assertThat(firing.get("users")).extracting(JsonNode::asText).containsExactly("alice", "admin");
        // 0.3.x rows: one per notified user (service accounts like hduser* dropped), linked to the incident.
        assertThat(jdbc.queryForList("SELECT alert_user FROM linkis_stream_alert_record WHERE incident_id = ?",
                String.class, incident.get("id"))).containsExactlyInAnyOrder("alice", "admin");

        events.publishEvent(new TaskFact.Running(jobId, 99L));
        awaitTrue("the resolve message", () -> received("RESOLVED").size() == 1);
        JsonNode resolved = received("RESOLVED").get(0);
        assertThat(resolved.get("incidentId").asLong()).isEqualTo(firing.get("incidentId").asLong());
        assertThat(incidents().get(0).get("resolved_at")).isNotNull();

        events.publishEvent(new TaskFact.Failed(jobId, null, "failed again later", false));
        // Three FIRING requests so far: the two refused attempts and the delivered one.
        awaitTrue("a new incident after the first was resolved", () -> received("FIRING").size() == 4);
        assertThat(incidents()).hasSize(2);
    }

    @Test
    void aDeliveryThatKeepsFailingIsKeptAsFailedAndCanBeRetriedByHand() throws Exception {
        far.script(new RecordingHttpServer.Reply(500, "down"));
        long channel = webhook("ops", null, null);
        events.publishEvent(new TaskFact.RestartBudgetSpent(jobId, null, "restart budget spent: 3 restarts"));
        awaitTrue("given up after max attempts", () -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM streamis_alert_outbox WHERE channel_id = ? AND status = 'FAILED'", Long.class,
                channel) == 1);
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM streamis_alert_outbox WHERE channel_id = ?", channel);
        assertThat(((Number) row.get("attempts")).intValue()).isEqualTo(3);
        assertThat(row.get("last_error").toString()).contains("HTTP 500");
        assertThat(incidents()).hasSize(1);

        JsonNode failed = api.call(get(ApiTestSupport.API + ALERT + "/deliveries").param("projectName", project)
                .param("status", "FAILED").session(admin));
        assertThat(failed.at("/data/deliveries")).hasSize(1);
        far.script(new RecordingHttpServer.Reply(200, "{}"));
        assertThat(api.call(post(ApiTestSupport.API + ALERT + "/deliveries/" + row.get("id") + "/retry")
                .session(admin)).get("status").asInt()).isZero();
        awaitTrue("sent after the hand retry", () -> "SENT".equals(jdbc.queryForObject(
                "SELECT status FROM streamis_alert_outbox WHERE id = ?", String.class, row.get("id"))));
    }

    @Test
    void channelsTakeOnlyLevelsAtOrAboveTheirMinimum() throws Exception {
        config("\"wds.linkis.flink.alert.failure.level\":\"MAJOR\"");
        long critical = webhook("pager", null, "CRITICAL");
        long all = webhook("log", null, null);
        events.publishEvent(new TaskFact.Failed(jobId, null, "boom", false));
        awaitTrue("delivered to the channel taking MAJOR", () -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM streamis_alert_outbox WHERE channel_id = ? AND status = 'SENT'", Long.class,
                all) == 1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM streamis_alert_outbox WHERE channel_id = ?", Long.class,
                critical)).isZero();
    }

    @Test
    void checkpointRulesOpenOnStaleOrFailingCheckpointsAndResolveWhenTheyComplete() throws Exception {
        config("\"wds.linkis.flink.checkpoint.switch\":\"ON\",\"wds.linkis.flink.alert.checkpoint.max-age\":\"1\","
                + "\"wds.linkis.flink.alert.checkpoint.failures\":\"2\"");
        webhook("ops", null, null);
        long fiveMinutesAgo = System.currentTimeMillis() - Duration.ofMinutes(5).toMillis();
        events.publishEvent(new TaskFact.CheckpointsRead(jobId, null, fiveMinutesAgo, 2, 2));
        awaitTrue("both checkpoint incidents open", () -> received("FIRING").size() == 2);
        assertThat(incidents()).extracting(m -> m.get("rule"))
                .containsExactlyInAnyOrder("CHECKPOINT_STALE", "CHECKPOINT_FAILURES");
        assertThat(incidents()).extracting(m -> m.get("level")).containsOnly("MINOR");

        events.publishEvent(new TaskFact.CheckpointsRead(jobId, null, System.currentTimeMillis(), 0, 2));
        awaitTrue("both resolved", () -> received("RESOLVED").size() == 2);
    }

    @Test
    void restartsWithinTheWindowOpenAnIncidentAtTheThreshold() throws Exception {
        config("\"wds.linkis.flink.alert.restart.count\":\"2\",\"wds.linkis.flink.alert.level\":\"WARNING\"");
        webhook("ops", null, null);
        events.publishEvent(new TaskFact.Restarted(jobId, null, true));
        events.publishEvent(new TaskFact.Failed(jobId, null, "marker", false));
        awaitTrue("the marker failure", () -> received("FIRING").size() == 1);
        assertThat(incidents()).extracting(m -> m.get("rule")).containsExactly("JOB_FAILED");
        events.publishEvent(new TaskFact.Restarted(jobId, null, true));
        awaitTrue("restarts incident", () -> received("FIRING").size() == 2);
        assertThat(incidents().get(1).get("rule")).isEqualTo("RESTARTS_IN_WINDOW");
        assertThat(incidents().get(1).get("level")).isEqualTo("WARNING");
        assertThat(incidents().get(1).get("message").toString()).contains("restarted 2 times");
    }

    /**
     * The Alerts tab reads each incident in its own language (Accept-Language, as the UI sends it): what the platform
     * wrote in Chinese for zh-CN and in English otherwise, under the same JSON keys; Flink's own words placed as they
     * are; a row written before keys existed keeps its English. The channels took the English, fixed when decided.
     */
    @Test
    void incidentsAreListedInTheReadersLanguage() throws Exception {
        config("\"wds.linkis.flink.checkpoint.switch\":\"ON\",\"wds.linkis.flink.alert.checkpoint.failures\":\"2\"");
        webhook("ops", null, null);
        events.publishEvent(new TaskFact.CheckpointsRead(jobId, null, System.currentTimeMillis(), 3, 3));
        awaitTrue("the checkpoint incident", () -> received("FIRING").size() == 1);
        events.publishEvent(new TaskFact.CheckpointsRead(jobId, null, System.currentTimeMillis(), 0, 3));
        awaitTrue("its resolve message", () -> received("RESOLVED").size() == 1);
        String flink = "java.lang.ArithmeticException: / by zero";
        events.publishEvent(new TaskFact.Failed(jobId, 7L, Text.of("alert.flink-failed",
                "Flink reports the job FAILED: " + flink, flink), false));
        awaitTrue("the failure incident", () -> received("FIRING").size() == 2);
        jdbc.update("INSERT INTO streamis_alert_incident (job_id, rule, level, message, resolved_at, resolution)"
                + " VALUES (?, 'JOB_LOST', 'CRITICAL', 'written before keys', CURRENT_TIMESTAMP, 'resolved before')",
                jobId);

        JsonNode zh = incidentsIn("zh-CN");
        assertThat(zh).hasSize(3);
        assertThat(zh.at("/0/message").asText()).as("no key: the stored English").isEqualTo("written before keys");
        assertThat(zh.at("/0/resolution").asText()).isEqualTo("resolved before");
        assertThat(zh.at("/1/rule").asText()).isEqualTo("JOB_FAILED");
        assertThat(zh.at("/1/message").asText()).isEqualTo("Flink 报告作业失败：" + flink);
        assertThat(zh.at("/1/resolution").isNull()).isTrue();
        assertThat(zh.at("/2/rule").asText()).isEqualTo("CHECKPOINT_FAILURES");
        assertThat(zh.at("/2/message").asText()).isEqualTo("连续 3 个检查点失败（阈值 2 个）");
        assertThat(zh.at("/2/resolution").asText()).isEqualTo("检查点已恢复正常完成");
        List<String> keys = new java.util.ArrayList<>();
        zh.get(2).fieldNames().forEachRemaining(keys::add);
        assertThat(keys).as("the JSON keys the tab reads, and no more").containsExactlyInAnyOrder("id", "jobId",
                "rule", "level", "taskId", "message", "openedAt", "resolvedAt", "resolution");

        JsonNode en = incidentsIn("en");
        assertThat(en.at("/1/message").asText()).isEqualTo("Flink reports the job FAILED: " + flink);
        assertThat(en.at("/2/message").asText()).isEqualTo("3 checkpoints failed in a row (threshold 2)");
        assertThat(en.at("/2/resolution").asText()).isEqualTo("checkpoints complete again");
        assertThat(incidentsIn(null)).as("no Accept-Language: English, as 0.3.x").isEqualTo(en);
        assertThat(received("FIRING").get(0).get("text").asText())
                .isEqualTo("3 checkpoints failed in a row (threshold 2)");
        assertThat(received("RESOLVED").get(0).get("text").asText()).isEqualTo("checkpoints complete again");
    }

    private JsonNode incidentsIn(String language) throws Exception {
        var b = get(ApiTestSupport.API + ALERT + "/incidents").param("jobId", String.valueOf(jobId)).session(admin);
        JsonNode r = api.call(language == null ? b : b.header("Accept-Language", language));
        assertThat(r.get("status").asInt()).as(r.toString()).isZero();
        assertThat(r.at("/data/totalPage").asLong()).isEqualTo(3);
        return r.at("/data/incidents");
    }

    @Test
    void rulesTheJobTurnedOffRaiseNothing() throws Exception {
        config("\"wds.linkis.flink.alert.rule\":\"JOB_LOST\"");
        webhook("ops", null, null);
        events.publishEvent(new TaskFact.Failed(jobId, null, "not alerted", false));
        events.publishEvent(new TaskFact.Failed(jobId, null, "missing from its cluster", true));
        awaitTrue("the lost alert", () -> received("FIRING").size() == 1);
        assertThat(incidents()).extracting(m -> m.get("rule")).containsExactly("JOB_LOST");
    }
}
