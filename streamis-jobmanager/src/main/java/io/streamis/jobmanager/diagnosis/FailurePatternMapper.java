package io.streamis.jobmanager.diagnosis;

import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** The failure catalogue. */
@Mapper
public interface FailurePatternMapper {

    String COLUMNS = "id, error_code, error_type, priority, enabled, error_regex, error_desc, solution, error_desc_en,"
            + " solution_en, update_by, update_time";

    @Select("SELECT " + COLUMNS + " FROM linkis_stream_error_code ORDER BY priority, id")
    List<FailurePattern> selectAll();

    @Select("SELECT " + COLUMNS + " FROM linkis_stream_error_code WHERE id = #{id}")
    FailurePattern selectById(@Param("id") long id);

    @Insert("INSERT INTO linkis_stream_error_code (error_code, error_type, priority, enabled, error_regex, error_desc,"
            + " solution, error_desc_en, solution_en, update_by, update_time) VALUES (#{p.errorCode}, #{p.errorType},"
            + " #{p.priority}, #{p.enabled}, #{p.errorRegex}, #{p.errorDesc}, #{p.solution}, #{p.errorDescEn},"
            + " #{p.solutionEn}, #{p.updateBy}, #{p.updateTime})")
    int insert(@Param("p") FailurePattern p);

    @Update("UPDATE linkis_stream_error_code SET error_code = #{p.errorCode}, error_type = #{p.errorType},"
            + " priority = #{p.priority}, enabled = #{p.enabled}, error_regex = #{p.errorRegex},"
            + " error_desc = #{p.errorDesc}, solution = #{p.solution}, error_desc_en = #{p.errorDescEn},"
            + " solution_en = #{p.solutionEn}, update_by = #{p.updateBy}, update_time = #{p.updateTime}"
            + " WHERE id = #{p.id}")
    int update(@Param("p") FailurePattern p);

    @Delete("DELETE FROM linkis_stream_error_code WHERE id = #{id}")
    int delete(@Param("id") long id);

    @Select("SELECT id FROM linkis_stream_error_code WHERE error_code = #{code}")
    Long idOf(@Param("code") String code);
}
