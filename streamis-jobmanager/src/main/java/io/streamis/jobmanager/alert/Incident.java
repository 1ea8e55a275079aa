package io.streamis.jobmanager.alert;

import java.time.LocalDateTime;

/** One alert while it lasts: opened once per (job, rule), resolved when the job recovers. */
public record Incident(long id, long jobId, String rule, String level, Long taskId, String message,
                       LocalDateTime openedAt, LocalDateTime resolvedAt, String resolution) {

    public boolean open() {
        return resolvedAt == null;
    }
}
