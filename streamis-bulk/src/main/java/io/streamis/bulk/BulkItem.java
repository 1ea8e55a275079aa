package io.streamis.bulk;

import java.time.LocalDateTime;

/** One job of a bulk operation and its real outcome. */
public record BulkItem(long id, long bulkId, long jobId, String jobName, String state, Long taskId, String message,
                       String snapshotPath, String confirmedPath, LocalDateTime updateTime) {

    public ItemState itemState() {
        return ItemState.valueOf(state);
    }
}
