package io.streamis.jobmanager.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.streamis.common.error.ErrorCode;
import io.streamis.common.error.StreamisException;
import io.streamis.jobmanager.StreamisJobManagerProperties;
import io.streamis.jobmanager.alert.channel.AlertChannel;
import io.streamis.jobmanager.alert.channel.HttpPoster;
import io.streamis.jobmanager.alert.delivery.ChannelSenders;
import jakarta.mail.internet.MimeMessage;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Every channel type against a real far end: a JDK HTTP server for the webhook and the WeCom, DingTalk and
 * Feishu robots (bodies in their documented formats, signatures recomputed here from the documented recipes),
 * and GreenMail for e-mail over real SMTP. Refusals (HTTP errors, non-zero robot codes) must fail the delivery.
 */
class ChannelSendersTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    final ObjectMapper json = new ObjectMapper();
    RecordingHttpServer far;
    AnnotationConfigApplicationContext ctx;
    ChannelSenders senders;

    final AlertMessage firing = new AlertMessage(AlertMessage.Kind.FIRING, 7L, "JOB_FAILED", "MAJOR", "proj", 3L,
            "orders", 11L, AlertRule.JOB_FAILED.title(), "Flink reports the job FAILED: boom", List.of("alice", "bob"),
            "2026-11-30T03:00:00Z");

    @BeforeEach
    void setUp() throws Exception {
        far = new RecordingHttpServer();
        StreamisJobManagerProperties props = new StreamisJobManagerProperties(null, null, null, null, null, null,
                null, null, null, null, null, new StreamisJobManagerProperties.Alerts(null, null, null, null,
                Duration.ofSeconds(5), "alerts@streamis.test", "corp.test"), null);
        JavaMailSenderImpl mail = new JavaMailSenderImpl();
        mail.setHost("127.0.0.1");
        mail.setPort(smtp.getSmtp().getPort());
        ctx = new AnnotationConfigApplicationContext();
        DefaultListableBeanFactory f = ctx.getDefaultListableBeanFactory();
        f.registerSingleton("properties", props);
        f.registerSingleton("json", json);
        f.registerSingleton("mail", mail);
        ctx.scan(HttpPoster.class.getPackageName());
        ctx.register(ChannelSenders.class);
        ctx.refresh();
        senders = ctx.getBean(ChannelSenders.class);
    }

    @AfterEach
    void tearDown() {
        far.close();
        ctx.close();
    }

    static AlertChannel channel(String type, String target, String secret) {
        return new AlertChannel(1, "proj", "c", type, target, secret, "INFO", true, "alice", null, null);
    }

    static byte[] hmac(byte[] key, byte[] data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }

    @Test
    void genericWebhookPostsTheAlertAsJsonWithAVerifiableSignature() throws Exception {
        senders.send(channel("WEBHOOK", far.url("/hook"), "s3cret"), firing, "streamis-42");

        RecordingHttpServer.Received r = far.received().get(0);
        assertThat(r.method()).isEqualTo("POST");
        JsonNode body = json.readTree(r.body());
        assertThat(body.get("kind").asText()).isEqualTo("FIRING");
        assertThat(body.get("incidentId").asLong()).isEqualTo(7);
        assertThat(body.get("jobName").asText()).isEqualTo("orders");
        assertThat(body.get("users")).hasSize(2);
        assertThat(r.header("X-Streamis-Delivery")).isEqualTo("streamis-42");
        String expected = "sha256=" + HexFormat.of().formatHex(hmac("s3cret".getBytes(StandardCharsets.UTF_8),
                (r.header("X-Streamis-Timestamp") + "." + r.body()).getBytes(StandardCharsets.UTF_8)));
        assertThat(r.header("X-Streamis-Signature")).isEqualTo(expected);
    }

    @Test
    void unsignedWebhookHasNoSignatureAndAServerErrorFailsTheDelivery() {
        far.script(new RecordingHttpServer.Reply(503, "busy"));
        assertThatThrownBy(() -> senders.send(channel("WEBHOOK", far.url("/hook?token=abc"), null), firing, "d"))
                .isInstanceOfSatisfying(StreamisException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.ALERT_DELIVERY_FAILED);
                    assertThat(e.getMessage()).contains("HTTP 503").doesNotContain("token=abc");
                });
        assertThat(far.received().get(0).header("X-Streamis-Signature")).isNull();
    }

    @Test
    void weComRobotGetsATextMessageMentioningTheUsersAndANonZeroErrcodeFails() throws Exception {
        senders.send(channel("WECOM", far.url("/cgi-bin/webhook/send?key=k"), null), firing, "d");
        JsonNode body = json.readTree(far.received().get(0).body());
        assertThat(body.get("msgtype").asText()).isEqualTo("text");
        assertThat(body.at("/text/content").asText()).contains("作业失败 / Job failed").contains("proj.orders")
                .contains("boom");
        assertThat(body.at("/text/mentioned_list")).hasSize(2);

        far.script(new RecordingHttpServer.Reply(200, "{\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}"));
        assertThatThrownBy(() -> senders.send(channel("WECOM", far.url("/x"), null), firing, "d"))
                .hasMessageContaining("errcode=93000").hasMessageContaining("invalid webhook url");
    }

    @Test
    void dingTalkRobotIsSignedInTheUrlAsDocumented() throws Exception {
        senders.send(channel("DINGTALK", far.url("/robot/send?access_token=t"), "SECabc"), firing, "d");
        RecordingHttpServer.Received r = far.received().get(0);
        Map<String, String> q = Arrays.stream(r.query().split("&")).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
        assertThat(q.get("access_token")).isEqualTo("t");
        String expected = Base64.getEncoder().encodeToString(hmac("SECabc".getBytes(StandardCharsets.UTF_8),
                (q.get("timestamp") + "\n" + "SECabc").getBytes(StandardCharsets.UTF_8)));
        assertThat(q.get("sign")).isEqualTo(expected);
        assertThat(Long.parseLong(q.get("timestamp"))).isCloseTo(System.currentTimeMillis(),
                org.assertj.core.data.Offset.offset(60_000L));
        JsonNode body = json.readTree(r.body());
        assertThat(body.get("msgtype").asText()).isEqualTo("text");
        assertThat(body.at("/at/atUserIds")).hasSize(2);

        far.script(new RecordingHttpServer.Reply(200, "{\"errcode\":310000,\"errmsg\":\"sign not match\"}"));
        assertThatThrownBy(() -> senders.send(channel("DINGTALK", far.url("/robot/send?access_token=t"), "x"),
                firing, "d")).hasMessageContaining("310000");
    }

    @Test
    void feishuBotCarriesTimestampAndSignInTheBodyAsDocumented() throws Exception {
        senders.send(channel("FEISHU", far.url("/open-apis/bot/v2/hook/h"), "fs-secret"), firing, "d");
        JsonNode body = json.readTree(far.received().get(0).body());
        assertThat(body.get("msg_type").asText()).isEqualTo("text");
        assertThat(body.at("/content/text").asText()).contains("Job failed");
        String ts = body.get("timestamp").asText();
        String expected = Base64.getEncoder().encodeToString(hmac((ts + "\n" + "fs-secret")
                .getBytes(StandardCharsets.UTF_8), new byte[0]));
        assertThat(body.get("sign").asText()).isEqualTo(expected);

        far.script(new RecordingHttpServer.Reply(200, "{\"code\":19021,\"msg\":\"sign match fail\"}"));
        assertThatThrownBy(() -> senders.send(channel("FEISHU", far.url("/h"), "x"), firing, "d"))
                .hasMessageContaining("19021");
    }

    @Test
    void emailGoesOverSmtpToTheChannelAddressesAndTheNotifiedUsers() throws Exception {
        senders.send(channel("EMAIL", "ops@corp.test, oncall@corp.test", null), firing, "streamis-9");
        MimeMessage[] got = smtp.getReceivedMessages();
        assertThat(got).hasSize(4); // one per envelope recipient: two addresses + alice@ and bob@corp.test
        MimeMessage m = got[0];
        assertThat(m.getSubject()).contains("MAJOR").contains("proj.orders").contains("Job failed");
        assertThat(m.getFrom()[0].toString()).isEqualTo("alerts@streamis.test");
        assertThat(Arrays.stream(m.getAllRecipients()).map(Object::toString))
                .containsExactlyInAnyOrder("ops@corp.test", "oncall@corp.test", "alice@corp.test", "bob@corp.test");
        assertThat(m.getHeader("X-Streamis-Delivery")[0]).isEqualTo("streamis-9");
        assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(m)).contains("boom");
    }
}
