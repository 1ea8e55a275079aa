package io.streamis.jobmanager.alert.channel;

import io.streamis.jobmanager.alert.AlertMessage;

/** Delivers one message over one kind of channel; throws ALERT_DELIVERY_FAILED when the far end refuses. */
public interface ChannelSender {

    ChannelType type();

    /** @param deliveryId stable across retries of the same delivery (receivers may de-duplicate on it) */
    void send(AlertChannel channel, AlertMessage message, String deliveryId);
}
