package io.streamis.bulk;

import java.time.LocalDateTime;

/** A persisted bulk operation. */
public record BulkOperation(long id, String action, String requestKey, boolean snapshot, int total, boolean finished,
                            String createBy, LocalDateTime createTime, LocalDateTime finishTime) {
}
