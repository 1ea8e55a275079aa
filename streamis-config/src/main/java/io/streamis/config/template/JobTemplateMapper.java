package io.streamis.config.template;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** Project job templates. */
@Mapper
public interface JobTemplateMapper {

    @Select("SELECT id, store_path, name, meta_json, version, `date`, project_name, enable"
            + " FROM linkis_stream_project_job_template WHERE project_name = #{project} AND enable = 1"
            + " ORDER BY id DESC LIMIT 1")
    JobTemplate selectLatestEnabled(@Param("project") String project);

    @Select("SELECT id, store_path, name, meta_json, version, `date`, project_name, enable"
            + " FROM linkis_stream_project_job_template WHERE id = #{id}")
    JobTemplate selectById(@Param("id") long id);

    @Insert("INSERT INTO linkis_stream_project_job_template (store_path, name, meta_json, version, project_name, enable)"
            + " VALUES (#{storePath}, #{name}, #{metaJson}, #{version}, #{projectName}, 1)")
    @Options(useGeneratedKeys = true, keyProperty = "id")
    int insert(NewTemplate template);

    @Update("UPDATE linkis_stream_project_job_template SET enable = 0 WHERE project_name = #{project} AND name = #{name}")
    int disable(@Param("project") String project, @Param("name") String name);

    /** Insert parameter with the generated id written back. */
    final class NewTemplate {
        public Long id;
        public String storePath;
        public String name;
        public String metaJson;
        public String version;
        public String projectName;

        public NewTemplate(String storePath, String name, String metaJson, String version, String projectName) {
            this.storePath = storePath;
            this.name = name;
            this.metaJson = metaJson;
            this.version = version;
            this.projectName = projectName;
        }
    }
}
