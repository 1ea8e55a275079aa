package io.streamis.jobmanager.project;

import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** Projects and their privilege rows. */
@Mapper
public interface ProjectMapper {

    String COLUMNS = "id, workspace_id, name, create_by, create_time, last_update_by, last_update_time,"
            + " is_deleted AS deleted";

    /** Insert parameter; the generated id is written back. */
    final class NewProject {
        public Long id;
        public final Long workspaceId;
        public final String name;
        public final String createBy;

        public NewProject(Long workspaceId, String name, String createBy) {
            this.workspaceId = workspaceId;
            this.name = name;
            this.createBy = createBy;
        }
    }

    /** One privilege row. */
    record PrivilegeRow(long id, long projectId, String userName, int privilege) {
    }

    @Insert("INSERT INTO linkis_stream_project (workspace_id, name, live_name, create_by, last_update_by, last_update_time)"
            + " VALUES (#{workspaceId}, #{name}, #{name}, #{createBy}, #{createBy}, CURRENT_TIMESTAMP)")
    @Options(useGeneratedKeys = true, keyProperty = "id")
    int insert(NewProject project);

    @Select("SELECT " + COLUMNS + " FROM linkis_stream_project WHERE live_name = #{name}")
    Project selectByName(@Param("name") String name);

    @Select("SELECT " + COLUMNS + " FROM linkis_stream_project WHERE id = #{id} AND is_deleted = 0")
    Project selectById(@Param("id") long id);

    @Update("UPDATE linkis_stream_project SET name = #{name}, live_name = #{name}, workspace_id = #{workspaceId},"
            + " last_update_by = #{user}, last_update_time = CURRENT_TIMESTAMP WHERE id = #{id} AND is_deleted = 0")
    int update(@Param("id") long id, @Param("name") String name, @Param("workspaceId") Long workspaceId,
               @Param("user") String user);

    @Update("UPDATE linkis_stream_project SET is_deleted = 1, live_name = NULL, last_update_by = #{user},"
            + " last_update_time = CURRENT_TIMESTAMP WHERE id = #{id} AND is_deleted = 0")
    int softDelete(@Param("id") long id, @Param("user") String user);

    @Select("SELECT p.id, p.workspace_id, p.name, p.create_by, p.create_time, p.last_update_by, p.last_update_time,"
            + " p.is_deleted AS deleted FROM linkis_stream_project p WHERE p.is_deleted = 0 AND p.id IN"
            + " (SELECT project_id FROM linkis_stream_project_privilege WHERE user_name = #{user}) ORDER BY p.name")
    List<Project> selectVisibleTo(@Param("user") String user);

    @Select("SELECT " + COLUMNS + " FROM linkis_stream_project WHERE is_deleted = 0 ORDER BY name")
    List<Project> selectAllLive();

    @Select("SELECT id, project_id, user_name, privilege FROM linkis_stream_project_privilege"
            + " WHERE project_id = #{projectId}")
    List<PrivilegeRow> selectPrivileges(@Param("projectId") long projectId);

    @Select("SELECT pp.privilege FROM linkis_stream_project_privilege pp JOIN linkis_stream_project p"
            + " ON p.id = pp.project_id WHERE p.live_name = #{project} AND pp.user_name = #{user}")
    List<Integer> selectUserPrivileges(@Param("project") String project, @Param("user") String user);

    @Insert("INSERT INTO linkis_stream_project_privilege (project_id, user_name, privilege)"
            + " VALUES (#{projectId}, #{user}, #{privilege})")
    int insertPrivilege(@Param("projectId") long projectId, @Param("user") String user,
                        @Param("privilege") int privilege);

    @Delete("DELETE FROM linkis_stream_project_privilege WHERE id = #{id}")
    int deletePrivilege(@Param("id") long id);

    @Delete("DELETE FROM linkis_stream_project_privilege WHERE project_id = #{projectId}")
    int deletePrivileges(@Param("projectId") long projectId);
}
