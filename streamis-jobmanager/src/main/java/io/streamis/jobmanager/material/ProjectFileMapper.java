package io.streamis.jobmanager.material;

import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** Project resource files. */
@Mapper
public interface ProjectFileMapper {

    String COLUMNS = "id, file_name, version, store_path, store_type, project_name, create_time, create_by, comment,"
            + " update_time, md5, size, source";

    @Insert("INSERT INTO linkis_stream_project_files (file_name, version, store_path, store_type, project_name,"
            + " create_by, comment, md5, size, source) VALUES (#{fileName}, #{version}, #{storePath}, #{storeType},"
            + " #{projectName}, #{createBy}, #{comment}, #{md5}, #{size}, #{source})")
    int insert(@Param("fileName") String fileName, @Param("version") String version,
               @Param("storePath") String storePath, @Param("storeType") String storeType,
               @Param("projectName") String projectName, @Param("createBy") String createBy,
               @Param("comment") String comment, @Param("md5") String md5, @Param("size") long size,
               @Param("source") String source);

    @Update("UPDATE linkis_stream_project_files SET store_path = #{storePath}, md5 = #{md5}, size = #{size},"
            + " comment = #{comment}, update_time = CURRENT_TIMESTAMP WHERE id = #{id}")
    int updateContent(@Param("id") long id, @Param("storePath") String storePath, @Param("md5") String md5,
                      @Param("size") long size, @Param("comment") String comment);

    @Select("SELECT " + COLUMNS + " FROM linkis_stream_project_files WHERE project_name = #{project}"
            + " AND file_name = #{fileName}")
    List<ProjectFile> selectVersions(@Param("project") String project, @Param("fileName") String fileName);

    @Select("SELECT " + COLUMNS + " FROM linkis_stream_project_files WHERE project_name = #{project}"
            + " ORDER BY file_name, id")
    List<ProjectFile> selectByProject(@Param("project") String project);

    @Select("SELECT " + COLUMNS + " FROM linkis_stream_project_files WHERE id = #{id}")
    ProjectFile selectById(@Param("id") long id);

    @Select("SELECT " + COLUMNS + " FROM linkis_stream_project_files WHERE id = #{id} FOR UPDATE")
    ProjectFile selectByIdForUpdate(@Param("id") long id);

    @Delete("DELETE FROM linkis_stream_project_files WHERE id = #{id}")
    int delete(@Param("id") long id);
}
