package io.streamis.jobmanager.job;

import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.ResultMap;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** Jobs. The list query and the row's result map ({@code job}) live in {@code mapper/jobmanager/JobMapper.xml}. */
@Mapper
public interface JobMapper {

    String COLUMNS = "id, project_name, name, create_by, create_time, label, description, job_type, submit_user,"
            + " workspace_name, current_version, enable, version_seq";

    /** Insert parameter; the generated id is written back. */
    final class NewJob {
        public Long id;
        public final String projectName;
        public final String name;
        public final String jobType;
        public final String label;
        public final String description;
        public final String createBy;

        public NewJob(String projectName, String name, String jobType, String label, String description,
                      String createBy) {
            this.projectName = projectName;
            this.name = name;
            this.jobType = jobType;
            this.label = label;
            this.description = description;
            this.createBy = createBy;
        }
    }

    @Insert("INSERT INTO linkis_stream_job (project_name, name, job_type, label, description, create_by, submit_user,"
            + " enable, version_seq) VALUES (#{projectName}, #{name}, #{jobType}, #{label}, #{description},"
            + " #{createBy}, #{createBy}, 1, 0)")
    @Options(useGeneratedKeys = true, keyProperty = "id")
    int insert(NewJob job);

    @ResultMap("job")
    @Select("SELECT " + COLUMNS + " FROM linkis_stream_job WHERE id = #{id}")
    StreamJob selectById(@Param("id") long id);

    @ResultMap("job")
    @Select("<script>SELECT " + COLUMNS + " FROM linkis_stream_job WHERE id IN"
            + "<foreach collection='ids' item='i' open='(' separator=',' close=')'>#{i}</foreach></script>")
    List<StreamJob> selectByIds(@Param("ids") java.util.Collection<Long> ids);

    /** Takes the row lock that serialises version numbering and status changes of one job. */
    @ResultMap("job")
    @Select("SELECT " + COLUMNS + " FROM linkis_stream_job WHERE id = #{id} FOR UPDATE")
    StreamJob selectByIdForUpdate(@Param("id") long id);

    @ResultMap("job")
    @Select("SELECT " + COLUMNS + " FROM linkis_stream_job WHERE project_name = #{project} AND name = #{name} FOR UPDATE")
    StreamJob selectByNameForUpdate(@Param("project") String project, @Param("name") String name);

    @ResultMap("job")
    @Select("SELECT " + COLUMNS + " FROM linkis_stream_job WHERE project_name = #{project} AND name = #{name}")
    StreamJob selectByName(@Param("project") String project, @Param("name") String name);

    @Update("UPDATE linkis_stream_job SET version_seq = version_seq + 1 WHERE id = #{id}")
    int bumpVersionSeq(@Param("id") long id);

    /**
     * A start's intent on the job row, in one statement (under the job's row lock): the version it runs becomes the
     * current one, and the job list's facts (latest task, last start, shown status) follow the new task. The shown
     * status is the task's own, as the task runs the current version by definition.
     */
    @Update("UPDATE linkis_stream_job SET current_version = #{version}, latest_task_id = #{taskId}, last_start ="
            + " (SELECT t.start_time FROM linkis_stream_task t WHERE t.id = #{taskId}), list_status = #{status}"
            + " WHERE id = #{id}")
    int startedTask(@Param("id") long id, @Param("taskId") long taskId, @Param("version") String version,
                    @Param("status") int status);

    /** The job list's facts for a task that became the latest (tests build histories with it). */
    @Update("UPDATE linkis_stream_job SET latest_task_id = #{taskId}, last_start = (SELECT t.start_time FROM"
            + " linkis_stream_task t WHERE t.id = #{taskId}), list_status = "
            + "COALESCE((SELECT CASE WHEN t.version = current_version THEN t.status ELSE 0 END"
            + " FROM linkis_stream_task t WHERE t.id = #{taskId}), 0) WHERE id = #{id}")
    int updateLatestTask(@Param("id") long id, @Param("taskId") long taskId);

    @Update("UPDATE linkis_stream_job SET current_version = #{version}, list_status = "
            + "COALESCE((SELECT CASE WHEN t.version = #{version} THEN t.status ELSE 0 END FROM linkis_stream_task t"
            + " WHERE t.id = linkis_stream_job.latest_task_id), 0) WHERE id = #{id}")
    int updateCurrentVersion(@Param("id") long id, @Param("version") String version);

    /**
     * The status the job list shows for a job row, read from its latest task: that task's status while it ran the
     * current version, else 0. Statements that change the latest task or the current version in the same SET spell
     * it out with their new values instead (the order a SET is applied in is not the same on H2 and MySQL).
     */
    String SHOWN_STATUS = "COALESCE((SELECT CASE WHEN t.version = linkis_stream_job.current_version THEN t.status"
            + " ELSE 0 END FROM linkis_stream_task t WHERE t.id = linkis_stream_job.latest_task_id), 0)";

    /**
     * Puts right the list status of rows that disagree with their latest task (a process that died between a task's
     * status change and this row's); run at start-up. Returns how many rows were wrong.
     */
    @Update("UPDATE linkis_stream_job SET list_status = " + SHOWN_STATUS + " WHERE list_status <> " + SHOWN_STATUS)
    int repairListStatus();

    @Update("UPDATE linkis_stream_job SET label = #{label} WHERE id = #{id}")
    int updateLabel(@Param("id") long id, @Param("label") String label);

    @Update("UPDATE linkis_stream_job SET label = #{label},"
            + " description = CASE WHEN #{description} IS NULL OR #{description} = '' THEN description ELSE #{description} END"
            + " WHERE id = #{id}")
    int updateMeta(@Param("id") long id, @Param("label") String label, @Param("description") String description);

    @Update("UPDATE linkis_stream_job SET enable = #{enable} WHERE id = #{id}")
    int updateEnable(@Param("id") long id, @Param("enable") boolean enable);

    @ResultMap("job")
    @Select("SELECT " + COLUMNS + " FROM linkis_stream_job WHERE project_name = #{project} ORDER BY id")
    List<StreamJob> selectByProject(@Param("project") String project);

    List<JobListRow> selectList(JobQuery query);

    long countList(JobQuery query);
}
