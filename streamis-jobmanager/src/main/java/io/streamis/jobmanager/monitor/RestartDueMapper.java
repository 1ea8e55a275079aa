package io.streamis.jobmanager.monitor;

import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** The persisted auto-restart schedule: a due time on the failed task ({@code linkis_stream_task.restart_due_at}). */
@Mapper
public interface RestartDueMapper {

    @Update("UPDATE linkis_stream_task SET restart_due_at = #{dueAt} WHERE id = #{taskId}")
    int updateDue(@Param("taskId") long taskId, @Param("dueAt") LocalDateTime dueAt);

    /** Takes the due restart: 1 for the one caller that clears it, 0 when it was taken or cancelled already. */
    @Update("UPDATE linkis_stream_task SET restart_due_at = NULL WHERE id = #{taskId} AND restart_due_at IS NOT NULL")
    int claim(@Param("taskId") long taskId);

    @Select("SELECT id AS task_id, job_id, restart_due_at AS due_at FROM linkis_stream_task"
            + " WHERE restart_due_at IS NOT NULL ORDER BY restart_due_at")
    List<RestartDue> selectDue();
}
