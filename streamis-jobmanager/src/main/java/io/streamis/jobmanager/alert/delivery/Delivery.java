package io.streamis.jobmanager.alert.delivery;

import java.time.LocalDateTime;

/** One message to one channel, as the outbox keeps it until it is sent or given up. */
public record Delivery(long id, Long incidentId, long channelId, String kind, String payload, String status,
                       int attempts, LocalDateTime nextAttemptAt, String lastError, LocalDateTime sentAt,
                       LocalDateTime createTime) {

    /** The outbox states: PENDING until sent (SENT) or tried maxAttempts times (FAILED). */
    public enum Status { PENDING, SENT, FAILED }
}
