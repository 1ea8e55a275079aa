package io.streamis.jobmanager.alert.delivery;

import io.streamis.jobmanager.alert.AlertMessage;
import io.streamis.jobmanager.alert.channel.AlertChannel;
import io.streamis.jobmanager.alert.channel.ChannelSender;
import io.streamis.jobmanager.alert.channel.ChannelType;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Picks the sender for a channel's type. */
@Component
public class ChannelSenders {

    private final Map<ChannelType, ChannelSender> byType = new EnumMap<>(ChannelType.class);

    public ChannelSenders(List<ChannelSender> senders) {
        senders.forEach(s -> byType.put(s.type(), s));
    }

    public void send(AlertChannel channel, AlertMessage message, String deliveryId) {
        ChannelSender sender = byType.get(channel.channelType());
        if (sender == null) {
            throw new IllegalStateException("no sender for channel type " + channel.type());
        }
        sender.send(channel, message, deliveryId);
    }
}
