package io.streamis.jobmanager.task;

import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.ResultMap;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** Tasks (runs). */
@Mapper
public interface TaskMapper {

    String COLUMNS = "id, job_version_id, job_id, version, status, start_time, last_update_time, err_desc,"
            + " submit_user, linkis_job_id, linkis_job_info, server_instance, job_start_config, solution,"
            + " template_id, cluster, start_cause, restored_from, step_back_of, allow_non_restored, launched_at";

    /** Insert parameter; the generated id is written back. */
    final class NewTask {
        public Long id;
        public final long jobVersionId;
        public final long jobId;
        public final String version;
        public final int status;
        public final String submitUser;
        public final String serverInstance;
        public final String jobStartConfig;
        public final Long templateId;
        public final String cluster;
        public final String startCause;
        public final String linkisJobInfo;
        public final Long stepBackOf;
        public final boolean allowNonRestoredState;
        public final String flinkJobId;
        public final String restoredFrom;

        public NewTask(long jobVersionId, long jobId, String version, int status, String submitUser,
                       String serverInstance, String jobStartConfig, Long templateId, String cluster,
                       String startCause, String linkisJobInfo) {
            this(jobVersionId, jobId, version, status, submitUser, serverInstance, jobStartConfig, templateId,
                    cluster, startCause, linkisJobInfo, null, false, null, null);
        }

        /** @param stepBackOf the run whose refused restore point this start steps back from, or null */
        public NewTask(long jobVersionId, long jobId, String version, int status, String submitUser,
                       String serverInstance, String jobStartConfig, Long templateId, String cluster,
                       String startCause, String linkisJobInfo, Long stepBackOf, boolean allowNonRestoredState) {
            this(jobVersionId, jobId, version, status, submitUser, serverInstance, jobStartConfig, templateId,
                    cluster, startCause, linkisJobInfo, stepBackOf, allowNonRestoredState, null, null);
        }

        /**
         * @param stepBackOf   the run whose refused restore point this start steps back from, or null
         * @param flinkJobId   the Flink job id the run is launched with, chosen before Flink is called
         * @param restoredFrom the restore point the run is launched from, or null
         */
        public NewTask(long jobVersionId, long jobId, String version, int status, String submitUser,
                       String serverInstance, String jobStartConfig, Long templateId, String cluster,
                       String startCause, String linkisJobInfo, Long stepBackOf, boolean allowNonRestoredState,
                       String flinkJobId, String restoredFrom) {
            this.jobVersionId = jobVersionId;
            this.jobId = jobId;
            this.version = version;
            this.status = status;
            this.submitUser = submitUser;
            this.serverInstance = serverInstance;
            this.jobStartConfig = jobStartConfig;
            this.templateId = templateId;
            this.cluster = cluster;
            this.startCause = startCause;
            this.linkisJobInfo = linkisJobInfo;
            this.stepBackOf = stepBackOf;
            this.allowNonRestoredState = allowNonRestoredState;
            this.flinkJobId = flinkJobId;
            this.restoredFrom = restoredFrom;
        }
    }

    @Insert("INSERT INTO linkis_stream_task (job_version_id, job_id, version, status, start_time, last_update_time,"
            + " submit_user, server_instance, job_start_config, template_id, cluster, start_cause, linkis_job_info,"
            + " step_back_of, allow_non_restored, linkis_job_id, restored_from)"
            + " VALUES (#{jobVersionId}, #{jobId}, #{version}, #{status}, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP,"
            + " #{submitUser}, #{serverInstance}, #{jobStartConfig}, #{templateId}, #{cluster}, #{startCause},"
            + " #{linkisJobInfo}, #{stepBackOf}, #{allowNonRestoredState}, #{flinkJobId}, #{restoredFrom})")
    @Options(useGeneratedKeys = true, keyProperty = "id")
    int insert(NewTask task);

    @ResultMap("task")
    @Select("SELECT " + COLUMNS + " FROM linkis_stream_task WHERE id = #{id}")
    StreamTask selectById(@Param("id") long id);

    @ResultMap("task")
    @Select("SELECT " + COLUMNS + " FROM linkis_stream_task WHERE job_id = #{jobId} ORDER BY id DESC LIMIT 1")
    StreamTask selectLatest(@Param("jobId") long jobId);

    @ResultMap("task")
    @Select("SELECT " + COLUMNS + " FROM linkis_stream_task WHERE job_id = #{jobId} ORDER BY id DESC LIMIT #{limit}")
    List<StreamTask> selectRecent(@Param("jobId") long jobId, @Param("limit") int limit);

    @ResultMap("task")
    @Select("SELECT " + COLUMNS + " FROM linkis_stream_task WHERE job_id = #{jobId} AND version = #{version}"
            + " ORDER BY id DESC LIMIT #{limit} OFFSET #{offset}")
    List<StreamTask> selectByVersion(@Param("jobId") long jobId, @Param("version") String version,
                                     @Param("offset") int offset, @Param("limit") int limit);

    /**
     * How many step backs led to the run: the length of its persisted {@code step_back_of} chain, read at most
     * {@code max} + 1 links deep (a longer chain is as final as one of that length). A start of its own, whatever
     * failed before it, is 0.
     */
    default int stepBacksTo(long taskId, int max) {
        int n = 0;
        StreamTask t = selectById(taskId);
        while (t != null && t.stepBackOf() != null && n <= max) {
            n++;
            t = selectById(t.stepBackOf());
        }
        return n;
    }

    @Select("SELECT COUNT(*) FROM linkis_stream_task WHERE job_id = #{jobId}")
    long countByJob(@Param("jobId") long jobId);

    @Select("SELECT COUNT(*) FROM linkis_stream_task WHERE job_id = #{jobId} AND version = #{version}")
    long countByVersion(@Param("jobId") long jobId, @Param("version") String version);

    @ResultMap("task")
    @Select("<script>SELECT " + COLUMNS + " FROM linkis_stream_task WHERE status IN"
            + "<foreach collection='statuses' item='s' open='(' separator=',' close=')'>#{s}</foreach>"
            + " ORDER BY id</script>")
    List<StreamTask> selectByStatuses(@Param("statuses") Collection<Integer> statuses);

    /** Which of these Flink job ids a run that is not over ({@code over}: the terminal statuses) still claims. */
    @Select("<script>SELECT linkis_job_id FROM linkis_stream_task WHERE linkis_job_id IN"
            + "<foreach collection='flinkJobIds' item='f' open='(' separator=',' close=')'>#{f}</foreach>"
            + " AND status NOT IN <foreach collection='over' item='s' open='(' separator=',' close=')'>#{s}</foreach>"
            + "</script>")
    List<String> selectClaimedFlinkJobIds(@Param("flinkJobIds") Collection<String> flinkJobIds,
                                          @Param("over") Collection<Integer> over);

    /** The latest task of each job, through the job row's {@code latest_task_id} (primary-key lookups). */
    @ResultMap("task")
    @Select("<script>SELECT t.* FROM linkis_stream_job j JOIN linkis_stream_task t ON t.id = j.latest_task_id"
            + " WHERE j.id IN <foreach collection='jobIds' item='j' open='(' separator=',' close=')'>#{j}</foreach>"
            + "</script>")
    List<StreamTask> selectLatestOf(@Param("jobIds") Collection<Long> jobIds);

    /** Compare-and-set on status, so two actors can never both move the same run. */
    default int transition(long id, int from, int to) {
        return showInList(id, transitionRow(id, from, to));
    }

    default int transitionWithError(long id, int from, int to, String errDesc) {
        return showInList(id, transitionRowWithError(id, from, to, errDesc));
    }

    /**
     * {@link #transitionWithError} as the leader of term {@code epoch}: refused (0) unless {@code holder} still
     * holds the lease at that epoch when the row is written (fencing a deposed leader's writes).
     */
    default int transitionAsLeader(long id, int from, int to, String errDesc, String holder, long epoch) {
        return showInList(id, transitionRowAsLeader(id, from, to, errDesc, holder, epoch));
    }

    /**
     * Every status change goes through here, so the job list's copy of the status (filtered and counted on the job
     * row) follows it. The copy reads the task's committed status, not {@code to}, so two changes racing each other
     * leave the newer one; a process dying between the two writes is put right at the next start.
     */
    private int showInList(long id, int moved) {
        if (moved > 0) {
            mirrorListStatus(id);
        }
        return moved;
    }

    @Update("UPDATE linkis_stream_job SET list_status = " + io.streamis.jobmanager.job.JobMapper.SHOWN_STATUS
            + " WHERE latest_task_id = #{id}")
    int mirrorListStatus(@Param("id") long id);

    @Update("UPDATE linkis_stream_task SET status = #{to}, last_update_time = CURRENT_TIMESTAMP"
            + " WHERE id = #{id} AND status = #{from}")
    int transitionRow(@Param("id") long id, @Param("from") int from, @Param("to") int to);

    @Update("UPDATE linkis_stream_task SET status = #{to}, err_desc = #{errDesc}, last_update_time = CURRENT_TIMESTAMP"
            + " WHERE id = #{id} AND status = #{from}")
    int transitionRowWithError(@Param("id") long id, @Param("from") int from, @Param("to") int to,
                               @Param("errDesc") String errDesc);

    @Update("UPDATE linkis_stream_task SET status = #{to}, err_desc = #{errDesc}, last_update_time = CURRENT_TIMESTAMP"
            + " WHERE id = #{id} AND status = #{from} AND EXISTS (" + io.streamis.jobmanager.lease.LeaseMapper.HELD + ")")
    int transitionRowAsLeader(@Param("id") long id, @Param("from") int from, @Param("to") int to,
                              @Param("errDesc") String errDesc, @Param("holder") String holder,
                              @Param("epoch") long epoch);

    @Update("UPDATE linkis_stream_task SET linkis_job_id = #{flinkJobId}, linkis_job_info = #{jobInfo},"
            + " restored_from = #{restoredFrom}, launched_at = CURRENT_TIMESTAMP, last_update_time = CURRENT_TIMESTAMP"
            + " WHERE id = #{id}")
    int updateLaunched(@Param("id") long id, @Param("flinkJobId") String flinkJobId, @Param("jobInfo") String jobInfo,
                       @Param("restoredFrom") String restoredFrom);

    /**
     * What Flink answered a start, written only while the task is in one of {@code statuses} (0 rows: settled
     * meanwhile).
     */
    @Update("<script>UPDATE linkis_stream_task SET linkis_job_id = #{flinkJobId}, linkis_job_info = #{jobInfo},"
            + " launched_at = CURRENT_TIMESTAMP, last_update_time = CURRENT_TIMESTAMP WHERE id = #{id}"
            + " AND status IN <foreach collection='statuses' item='s' open='(' separator=',' close=')'>#{s}</foreach>"
            + "</script>")
    int updateLaunchedIf(@Param("id") long id, @Param("statuses") Collection<Integer> statuses,
                         @Param("flinkJobId") String flinkJobId, @Param("jobInfo") String jobInfo);

    @Update("UPDATE linkis_stream_task SET linkis_job_info = #{jobInfo}, last_update_time = CURRENT_TIMESTAMP"
            + " WHERE id = #{id}")
    int updateJobInfo(@Param("id") long id, @Param("jobInfo") String jobInfo);

    @Update("UPDATE linkis_stream_task SET err_desc = #{errDesc} WHERE id = #{id}")
    int updateErrDesc(@Param("id") long id, @Param("errDesc") String errDesc);
}
