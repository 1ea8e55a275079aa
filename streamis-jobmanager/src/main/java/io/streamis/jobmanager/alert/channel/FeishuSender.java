package io.streamis.jobmanager.alert.channel;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamis.jobmanager.alert.AlertMessage;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Feishu/Lark custom bot: {@code {"msg_type":"text","content":{"text":...}}}, plus {@code timestamp} (seconds)
 * and {@code sign} in the body when the bot has 签名校验. Success is {@code code} 0 (older bots answer
 * {@code StatusCode} 0).
 */
@Component
class FeishuSender implements ChannelSender {

    private final HttpPoster http;
    private final Clock clock;

    FeishuSender(HttpPoster http) {
        this.http = http;
        this.clock = Clock.systemUTC();
    }

    @Override
    public ChannelType type() {
        return ChannelType.FEISHU;
    }

    @Override
    public void send(AlertChannel channel, AlertMessage message, String deliveryId) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (channel.hasSecret()) {
            long ts = clock.instant().getEpochSecond();
            body.put("timestamp", Long.toString(ts));
            body.put("sign", Signatures.feishu(channel.secret(), ts));
        }
        body.put("msg_type", "text");
        body.put("content", Map.of("text", message.plainText()));
        JsonNode answer = http.post(channel.target().trim(), http.toJson(body), Map.of());
        ChatAnswers.requireZero(answer, answer.has("code") ? "code" : "StatusCode",
                answer.has("msg") ? "msg" : "StatusMessage", "Feishu");
    }
}
