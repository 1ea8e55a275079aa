package io.streamis.jobmanager.alert;

import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** Incidents; {@code open_key} is set only while open, so the unique index allows one open incident per rule. */
@Mapper
public interface IncidentMapper {

    /** A new incident's row; {@code id} is filled by the insert. */
    final class NewIncident {
        public Long id;
        public final long jobId;
        public final String rule;
        public final String level;
        public final Long taskId;
        public final String message;
        public final LocalDateTime openedAt;
        public final String openKey;

        public NewIncident(long jobId, String rule, String level, Long taskId, String message,
                           LocalDateTime openedAt) {
            this.jobId = jobId;
            this.rule = rule;
            this.level = level;
            this.taskId = taskId;
            this.message = message;
            this.openedAt = openedAt;
            this.openKey = jobId + ":" + rule;
        }
    }

    String COLUMNS = "id, job_id, rule, level, task_id, message, opened_at, resolved_at, resolution";

    /** Throws DuplicateKeyException when the rule already has an open incident for the job. */
    @Insert("INSERT INTO streamis_alert_incident (job_id, rule, level, task_id, message, opened_at, open_key)"
            + " VALUES (#{jobId}, #{rule}, #{level}, #{taskId}, #{message}, #{openedAt}, #{openKey})")
    @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
    int insert(NewIncident incident);

    @Select("SELECT " + COLUMNS + " FROM streamis_alert_incident WHERE open_key = #{openKey}")
    Incident selectOpen(@Param("openKey") String openKey);

    @Select("SELECT " + COLUMNS + " FROM streamis_alert_incident WHERE job_id = #{jobId} AND open_key IS NOT NULL")
    List<Incident> selectOpenByJob(@Param("jobId") long jobId);

    /** 1 when this call resolved it, 0 when it was resolved already (by a concurrent decider). */
    @Update("UPDATE streamis_alert_incident SET resolved_at = #{at}, resolution = #{resolution}, open_key = NULL"
            + " WHERE id = #{id} AND open_key IS NOT NULL")
    int resolve(@Param("id") long id, @Param("at") LocalDateTime at, @Param("resolution") String resolution);

    @Select("SELECT " + COLUMNS + " FROM streamis_alert_incident WHERE job_id = #{jobId} ORDER BY id DESC"
            + " LIMIT #{limit} OFFSET #{offset}")
    List<Incident> selectByJob(@Param("jobId") long jobId, @Param("offset") int offset, @Param("limit") int limit);

    @Select("SELECT COUNT(*) FROM streamis_alert_incident WHERE job_id = #{jobId}")
    long countByJob(@Param("jobId") long jobId);

    @Select("SELECT COUNT(*) FROM streamis_alert_incident WHERE open_key IS NOT NULL")
    long countOpen();
}
