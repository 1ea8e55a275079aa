package io.streamis.jobmanager.alert.channel;

import io.streamis.jobmanager.alert.AlertMessage;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The generic webhook: the {@link AlertMessage} as JSON. Headers: {@code X-Streamis-Delivery} (same on every
 * retry of a delivery), {@code X-Streamis-Timestamp} and, with a secret, {@code X-Streamis-Signature}.
 */
@Component
class WebhookSender implements ChannelSender {

    private final HttpPoster http;
    private final Clock clock;

    WebhookSender(HttpPoster http) {
        this.http = http;
        this.clock = Clock.systemUTC();
    }

    @Override
    public ChannelType type() {
        return ChannelType.WEBHOOK;
    }

    @Override
    public void send(AlertChannel channel, AlertMessage message, String deliveryId) {
        String body = http.toJson(message);
        long ts = clock.instant().getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Streamis-Delivery", deliveryId);
        headers.put("X-Streamis-Event", message.kind().name());
        headers.put("X-Streamis-Timestamp", Long.toString(ts));
        if (channel.hasSecret()) {
            headers.put("X-Streamis-Signature", Signatures.webhook(channel.secret(), ts, body));
        }
        http.post(channel.target().trim(), body, headers);
    }
}
