package io.streamis.jobmanager.alert.channel;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamis.jobmanager.alert.AlertMessage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * DingTalk group robot: {@code {"msgtype":"text","text":{"content":...},"at":{"atUserIds":[...]}}}. With a secret
 * (加签) the URL gets {@code &timestamp=<ms>&sign=<urlencoded signature>}; {@code errcode} 0 means delivered.
 */
@Component
class DingTalkSender implements ChannelSender {

    private final HttpPoster http;
    private final Clock clock;

    DingTalkSender(HttpPoster http) {
        this.http = http;
        this.clock = Clock.systemUTC();
    }

    @Override
    public ChannelType type() {
        return ChannelType.DINGTALK;
    }

    @Override
    public void send(AlertChannel channel, AlertMessage message, String deliveryId) {
        String url = channel.target().trim();
        if (channel.hasSecret()) {
            long ts = clock.millis();
            url += (url.contains("?") ? "&" : "?") + "timestamp=" + ts + "&sign="
                    + URLEncoder.encode(Signatures.dingTalk(channel.secret(), ts), StandardCharsets.UTF_8);
        }
        List<String> at = message.kind() == AlertMessage.Kind.FIRING ? message.users() : List.of();
        Map<String, Object> body = Map.of("msgtype", "text", "text", Map.of("content", message.plainText()),
                "at", Map.of("atUserIds", at, "isAtAll", false));
        JsonNode answer = http.post(url, http.toJson(body), Map.of());
        ChatAnswers.requireZero(answer, "errcode", "errmsg", "DingTalk");
    }
}
