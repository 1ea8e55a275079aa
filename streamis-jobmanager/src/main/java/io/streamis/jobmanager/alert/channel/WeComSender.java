package io.streamis.jobmanager.alert.channel;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamis.jobmanager.alert.AlertMessage;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * WeCom group robot: {@code {"msgtype":"text","text":{"content":...,"mentioned_list":[users]}}}; the robot
 * answers HTTP 200 with {@code errcode} 0 on success, anything else is a refused delivery. Users are mentioned by
 * their Streamis name, which matches where WeCom user ids are the company's login names.
 */
@Component
class WeComSender implements ChannelSender {

    private final HttpPoster http;

    WeComSender(HttpPoster http) {
        this.http = http;
    }

    @Override
    public ChannelType type() {
        return ChannelType.WECOM;
    }

    @Override
    public void send(AlertChannel channel, AlertMessage message, String deliveryId) {
        Map<String, Object> body = Map.of("msgtype", "text", "text", Map.of("content", message.plainText(),
                "mentioned_list", message.kind() == AlertMessage.Kind.FIRING ? message.users() : List.of()));
        JsonNode answer = http.post(channel.target().trim(), http.toJson(body), Map.of());
        ChatAnswers.requireZero(answer, "errcode", "errmsg", "WeCom");
    }
}
