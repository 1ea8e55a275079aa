package io.streamis.bulk;

import io.streamis.common.error.Text;
import java.time.LocalDateTime;

/** One job of a bulk operation and its real outcome. */
public record BulkItem(long id, long bulkId, long jobId, String jobName, String state, Long taskId, String message,
                       String snapshotPath, String confirmedPath, LocalDateTime updateTime, String messageKey,
                       String messageArgs) {

    /** The message as a text to translate (rows written before keys existed have only their English). */
    public Text text() {
        return Text.stored(messageKey, messageArgs, message);
    }

    public ItemState itemState() {
        return ItemState.valueOf(state);
    }
}
