package io.streamis.config.value;

import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** Stored config values ({@code linkis_stream_job_config}). */
@Mapper
public interface ConfigValueMapper {

    /** One stored value. */
    record Row(long jobId, String jobName, String key, String value, Long refDefId) {
    }

    @Select("SELECT job_id, job_name, `key`, `value`, ref_def_id FROM linkis_stream_job_config WHERE job_id = #{jobId}")
    List<Row> selectByJob(@Param("jobId") long jobId);

    @Delete("DELETE FROM linkis_stream_job_config WHERE job_id = #{jobId}")
    int deleteByJob(@Param("jobId") long jobId);

    @Delete("DELETE FROM linkis_stream_job_config WHERE job_id = #{jobId} AND `key` = #{key}")
    int deleteKey(@Param("jobId") long jobId, @Param("key") String key);

    @Insert("INSERT INTO linkis_stream_job_config (job_id, job_name, `key`, `value`, ref_def_id)"
            + " VALUES (#{jobId}, #{jobName}, #{key}, #{value}, #{refDefId})")
    int insert(Row row);
}
