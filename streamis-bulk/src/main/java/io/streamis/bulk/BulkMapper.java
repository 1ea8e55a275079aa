package io.streamis.bulk;

import io.streamis.common.error.Text;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** Bulk operations and items. */
@Mapper
public interface BulkMapper {

    /** Insert parameter; the generated id is written back. */
    final class NewOperation {
        public Long id;
        public final String action;
        public final String requestKey;
        public final boolean snapshot;
        public final int total;
        public final String createBy;
        public final String serverInstance;

        public NewOperation(String action, String requestKey, boolean snapshot, int total, String createBy,
                            String serverInstance) {
            this.serverInstance = serverInstance;
            this.action = action;
            this.requestKey = requestKey;
            this.snapshot = snapshot;
            this.total = total;
            this.createBy = createBy;
        }
    }

    @Insert("INSERT INTO streamis_bulk_operation (action, request_key, snapshot, total, finished, create_by,"
            + " server_instance) VALUES (#{action}, #{requestKey}, #{snapshot}, #{total}, 0, #{createBy},"
            + " #{serverInstance})")
    @Options(useGeneratedKeys = true, keyProperty = "id")
    int insertOperation(NewOperation op);

    @Insert("INSERT INTO streamis_bulk_item (bulk_id, job_id, job_name, state, message, message_key, message_args,"
            + " confirmed_path, update_time) VALUES (#{bulkId}, #{jobId}, #{jobName}, #{state}, #{message},"
            + " #{messageKey}, #{messageArgs}, #{confirmedPath}, CURRENT_TIMESTAMP)")
    int insertItem(@Param("bulkId") long bulkId, @Param("jobId") long jobId, @Param("jobName") String jobName,
                   @Param("state") String state, @Param("message") String message,
                   @Param("messageKey") String messageKey, @Param("messageArgs") String messageArgs,
                   @Param("confirmedPath") String confirmedPath);

    default int insertItem(long bulkId, long jobId, String jobName, String state, Text text, String confirmedPath) {
        return insertItem(bulkId, jobId, jobName, state, text == null ? null : text.english(),
                text == null ? null : text.key(), text == null ? null : text.storedArgs(), confirmedPath);
    }

    /** An item carried as already done into a retry: the earlier operation's outcome, not run again. */
    @Insert("INSERT INTO streamis_bulk_item (bulk_id, job_id, job_name, state, task_id, message, message_key,"
            + " message_args, snapshot_path, confirmed_path, update_time) VALUES (#{bulkId}, #{jobId}, #{jobName},"
            + " #{state}, #{taskId}, #{message}, #{messageKey}, #{messageArgs}, #{snapshotPath}, #{confirmedPath},"
            + " CURRENT_TIMESTAMP)")
    int insertDoneItem(@Param("bulkId") long bulkId, @Param("jobId") long jobId, @Param("jobName") String jobName,
                       @Param("state") String state, @Param("taskId") Long taskId, @Param("message") String message,
                       @Param("messageKey") String messageKey, @Param("messageArgs") String messageArgs,
                       @Param("snapshotPath") String snapshotPath, @Param("confirmedPath") String confirmedPath);

    @Select("SELECT id, action, request_key, snapshot, total, finished, create_by, create_time, finish_time"
            + " FROM streamis_bulk_operation WHERE id = #{id}")
    BulkOperation selectOperation(@Param("id") long id);

    /** An identical request still running, or finished moments ago: it is answered instead of re-run. */
    @Select("SELECT id, action, request_key, snapshot, total, finished, create_by, create_time, finish_time"
            + " FROM streamis_bulk_operation WHERE request_key = #{key} AND (finished = 0 OR finish_time > #{since})"
            + " ORDER BY id DESC LIMIT 1")
    BulkOperation selectRecentByKey(@Param("key") String key, @Param("since") LocalDateTime since);

    @Select("SELECT id, bulk_id, job_id, job_name, state, task_id, message, snapshot_path, confirmed_path, update_time,"
            + " message_key, message_args FROM streamis_bulk_item WHERE bulk_id = #{bulkId} ORDER BY id")
    List<BulkItem> selectItems(@Param("bulkId") long bulkId);

    @Update("UPDATE streamis_bulk_item SET state = #{state}, task_id = #{taskId}, message = #{message},"
            + " message_key = #{messageKey}, message_args = #{messageArgs}, snapshot_path = #{snapshotPath},"
            + " update_time = CURRENT_TIMESTAMP WHERE id = #{id}")
    int updateItem(@Param("id") long id, @Param("state") String state, @Param("taskId") Long taskId,
                   @Param("message") String message, @Param("messageKey") String messageKey,
                   @Param("messageArgs") String messageArgs, @Param("snapshotPath") String snapshotPath);

    default int updateItem(long id, String state, Long taskId, Text text, String snapshotPath) {
        return updateItem(id, state, taskId, text == null ? null : text.english(), text == null ? null : text.key(),
                text == null ? null : text.storedArgs(), snapshotPath);
    }

    /** 1 for the caller that finished the operation, 0 when it was already finished. */
    @Update("UPDATE streamis_bulk_operation SET finished = 1, finish_time = CURRENT_TIMESTAMP WHERE id = #{id}"
            + " AND finished = 0")
    int finish(@Param("id") long id);

    /** Unfinished operations with the node (host:port) that runs them. */
    @Select("SELECT id, server_instance, create_time FROM streamis_bulk_operation WHERE finished = 0")
    List<Unfinished> selectUnfinished();

    record Unfinished(long id, String serverInstance, LocalDateTime createTime) {
    }
}
