package io.streamis.jobmanager.operation;

import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** Operations on runs; every state change is a compare-and-set, so an operation is settled exactly once. */
@Mapper
public interface OperationMapper {

    String COLUMNS = "id, task_id, job_id, kind, state, from_status, requested_by, requested_at, target_dir,"
            + " trigger_id, result_path, error, settled_at";

    /** Insert parameter; the generated id is written back. */
    final class NewOperation {
        public Long id;
        public final long taskId;
        public final long jobId;
        public final String kind;
        public final int fromStatus;
        public final String requestedBy;
        public final String targetDir;

        public NewOperation(long taskId, long jobId, OperationKind kind, int fromStatus, String requestedBy,
                            String targetDir) {
            this.taskId = taskId;
            this.jobId = jobId;
            this.kind = kind.name();
            this.fromStatus = fromStatus;
            this.requestedBy = requestedBy;
            this.targetDir = targetDir;
        }
    }

    @Insert("INSERT INTO streamis_task_operation (task_id, job_id, kind, state, from_status, requested_by,"
            + " requested_at, target_dir) VALUES (#{taskId}, #{jobId}, #{kind}, 'REQUESTED', #{fromStatus},"
            + " #{requestedBy}, CURRENT_TIMESTAMP(3), #{targetDir})")
    @Options(useGeneratedKeys = true, keyProperty = "id")
    int insert(NewOperation operation);

    @Select("SELECT " + COLUMNS + " FROM streamis_task_operation WHERE id = #{id}")
    TaskOperation selectById(@Param("id") long id);

    @Select("<script>SELECT " + COLUMNS + " FROM streamis_task_operation WHERE id IN"
            + "<foreach collection='ids' item='i' open='(' separator=',' close=')'>#{i}</foreach></script>")
    List<TaskOperation> selectByIds(@Param("ids") Collection<Long> ids);

    /** Every operation not settled yet, oldest first: what the reconciler follows. */
    @Select("SELECT " + COLUMNS + " FROM streamis_task_operation WHERE state IN ('REQUESTED', 'TRIGGERED')"
            + " ORDER BY id")
    List<TaskOperation> selectUnsettled();

    @Select("SELECT " + COLUMNS + " FROM streamis_task_operation WHERE task_id = #{taskId}"
            + " AND state IN ('REQUESTED', 'TRIGGERED') ORDER BY id")
    List<TaskOperation> selectUnsettledOfTask(@Param("taskId") long taskId);

    /** Flink accepted the operation; 0 when it was settled meanwhile (the reconciler gave up on the intent). */
    @Update("UPDATE streamis_task_operation SET state = 'TRIGGERED', trigger_id = #{triggerId}"
            + " WHERE id = #{id} AND state = 'REQUESTED'")
    int triggered(@Param("id") long id, @Param("triggerId") String triggerId);

    /** Settles an unsettled operation; 0 when somebody settled it first. */
    @Update("UPDATE streamis_task_operation SET state = #{state}, result_path = #{resultPath}, error = #{error},"
            + " settled_at = CURRENT_TIMESTAMP(3) WHERE id = #{id} AND state IN ('REQUESTED', 'TRIGGERED')")
    int settle(@Param("id") long id, @Param("state") String state, @Param("resultPath") String resultPath,
               @Param("error") String error);
}
