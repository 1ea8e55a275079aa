package io.streamis.jobmanager.alert;

import io.streamis.config.ConfigKeys;
import io.streamis.config.value.JobConfigService;
import io.streamis.jobmanager.job.StreamJob;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Writes alert records (one per recipient): the failure-alert users of the job plus its submit user. */
@Service
public class AlertService {

    private static final Logger LOG = LoggerFactory.getLogger(AlertService.class);

    /** Alert records. */
    @Mapper
    public interface AlertMapper {
        @Insert("INSERT INTO linkis_stream_alert_record (alert_level, alert_user, alert_msg, job_id, job_version_id,"
                + " task_id, status, error_msg) VALUES (#{level}, #{user}, #{msg}, #{jobId}, #{versionId}, #{taskId},"
                + " 1, #{error})")
        int insert(@Param("level") String level, @Param("user") String user, @Param("msg") String msg,
                   @Param("jobId") long jobId, @Param("versionId") Long versionId, @Param("taskId") Long taskId,
                   @Param("error") String error);

        @Select("SELECT id, alert_level, alert_user, alert_msg, job_id, job_version_id, task_id, create_time, status,"
                + " error_msg FROM linkis_stream_alert_record WHERE job_id = #{jobId} ORDER BY id DESC"
                + " LIMIT #{limit} OFFSET #{offset}")
        List<Map<String, Object>> selectByJob(@Param("jobId") long jobId, @Param("offset") int offset,
                                              @Param("limit") int limit);

        @Select("SELECT COUNT(*) FROM linkis_stream_alert_record WHERE job_id = #{jobId}")
        long countByJob(@Param("jobId") long jobId);
    }

    private final AlertMapper mapper;
    private final JobConfigService configs;

    public AlertService(AlertMapper mapper, JobConfigService configs) {
        this.mapper = mapper;
        this.configs = configs;
    }

    public void raise(StreamJob job, Long versionId, Long taskId, String level, String message, String error) {
        Set<String> recipients = new LinkedHashSet<>();
        configs.load(job.id()).get(ConfigKeys.ALERT_FAILURE_USER).ifPresent(v -> Arrays.stream(v.split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).forEach(recipients::add));
        recipients.add(job.submitUser() == null ? job.createBy() : job.submitUser());
        String msg = cut(message, 1000);
        String err = cut(error, 2000);
        for (String user : recipients) {
            mapper.insert(level, user, msg, job.id(), versionId, taskId, err);
        }
        LOG.warn("ALERT [{}] job {}: {}", level, job.name(), msg);
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
