package io.streamis.config.definition;

import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;

/** Reads the key catalogue. */
@Mapper
public interface ConfigDefinitionMapper {

    @Select("SELECT id, `key`, name, type, sort, description, validate_type, validate_rule, style, visiable, level,"
            + " unit, default_value, ref_values, parent_ref, required, is_temp AS temp, en_name"
            + " FROM linkis_stream_job_config_def ORDER BY sort DESC, id")
    List<ConfigDefinition> selectAll();
}
