package io.streamis.jobmanager.restore;

import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** Restore points and their marks; rows are inserted, never updated. */
@Mapper
public interface RestorePointMapper {

    String COLUMNS = "id, job_id, task_id, kind, origin, path, checkpoint_id, completed_time, size_bytes,"
            + " job_version";

    @Insert("INSERT INTO linkis_stream_restore_point (job_id, task_id, kind, origin, path, path_hash, checkpoint_id,"
            + " completed_time, size_bytes, job_version) VALUES (#{p.jobId}, #{p.taskId}, #{p.kind}, #{p.origin},"
            + " #{p.path}, #{hash}, #{p.checkpointId}, #{p.completedTime}, #{p.sizeBytes}, #{p.jobVersion})")
    int insert(@Param("p") RestorePoint point, @Param("hash") String pathHash);

    @Select("SELECT COUNT(*) FROM linkis_stream_restore_point WHERE job_id = #{jobId} AND path_hash = #{hash}")
    int countByPath(@Param("jobId") long jobId, @Param("hash") String pathHash);

    /** The job's points, newest run first (the index order), bounded. */
    @Select("SELECT " + COLUMNS + " FROM linkis_stream_restore_point WHERE job_id = #{jobId}"
            + " ORDER BY task_id DESC, id DESC LIMIT #{limit}")
    List<RestorePoint> selectByJob(@Param("jobId") long jobId, @Param("limit") int limit);

    @Select("SELECT " + COLUMNS + " FROM linkis_stream_restore_point WHERE task_id = #{taskId} ORDER BY id DESC")
    List<RestorePoint> selectByTask(@Param("taskId") long taskId);

    /**
     * Retention: a run's periodic checkpoints beyond its newest {@code keep} are gone from storage (Flink retains
     * few), so their rows only grow the table; savepoints and user points are never pruned.
     */
    @Delete("DELETE FROM linkis_stream_restore_point WHERE task_id = #{taskId} AND origin = 'periodic' AND id <"
            + " (SELECT MIN(k.id) FROM (SELECT id FROM linkis_stream_restore_point WHERE task_id = #{taskId}"
            + " AND origin = 'periodic' ORDER BY id DESC LIMIT #{keep}) k)")
    int pruneCheckpoints(@Param("taskId") long taskId, @Param("keep") int keep);

    @Insert("INSERT INTO linkis_stream_restore_mark (job_id, path, path_hash, action, reason, task_id, created_by)"
            + " VALUES (#{jobId}, #{path}, #{hash}, #{action}, #{reason}, #{taskId}, #{createdBy})")
    int insertMark(@Param("jobId") long jobId, @Param("path") String path, @Param("hash") String pathHash,
                   @Param("action") RestoreMark.Action action, @Param("reason") String reason,
                   @Param("taskId") Long taskId, @Param("createdBy") String createdBy);

    @Select("SELECT id, job_id, path, path_hash, action, reason, task_id, created_by FROM linkis_stream_restore_mark"
            + " WHERE job_id = #{jobId} ORDER BY id")
    List<RestoreMark> selectMarks(@Param("jobId") long jobId);
}
