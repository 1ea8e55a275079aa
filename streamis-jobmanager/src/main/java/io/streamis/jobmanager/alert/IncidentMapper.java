package io.streamis.jobmanager.alert;

import io.streamis.common.error.Text;
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
        public final String messageKey;
        public final String messageArgs;
        public final LocalDateTime openedAt;
        public final String openKey;

        /** {@code text}'s English is the message (cut to the column); its key only with all its arguments. */
        public NewIncident(long jobId, String rule, String level, Long taskId, Text text, LocalDateTime openedAt) {
            this.jobId = jobId;
            this.rule = rule;
            this.level = level;
            this.taskId = taskId;
            this.message = cut(text.english(), MESSAGE_MAX);
            this.messageKey = keyed(text) ? text.key() : null;
            this.messageArgs = keyed(text) ? text.storedArgs() : null;
            this.openedAt = openedAt;
            this.openKey = jobId + ":" + rule;
        }
    }

    int MESSAGE_MAX = 2000;
    int RESOLUTION_MAX = 500;
    int KEY_MAX = 100;
    int ARGS_MAX = 4000;

    /** A key is kept only with all its arguments (a cut one would place half a value); else the English stands. */
    static boolean keyed(Text text) {
        return text.key() != null && text.key().length() <= KEY_MAX
                && (text.storedArgs() == null || text.storedArgs().length() <= ARGS_MAX);
    }

    static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    /** In the order of {@link Incident}'s components. */
    String COLUMNS = "id, job_id, rule, level, task_id, message, opened_at, resolved_at, resolution, message_key,"
            + " message_args, resolution_key, resolution_args";

    /** Throws DuplicateKeyException when the rule already has an open incident for the job. */
    @Insert("INSERT INTO streamis_alert_incident (job_id, rule, level, task_id, message, message_key, message_args,"
            + " opened_at, open_key) VALUES (#{jobId}, #{rule}, #{level}, #{taskId}, #{message}, #{messageKey},"
            + " #{messageArgs}, #{openedAt}, #{openKey})")
    @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
    int insert(NewIncident incident);

    @Select("SELECT " + COLUMNS + " FROM streamis_alert_incident WHERE open_key = #{openKey}")
    Incident selectOpen(@Param("openKey") String openKey);

    @Select("SELECT " + COLUMNS + " FROM streamis_alert_incident WHERE job_id = #{jobId} AND open_key IS NOT NULL")
    List<Incident> selectOpenByJob(@Param("jobId") long jobId);

    /** 1 when this call resolved it, 0 when it was resolved already (by a concurrent decider). */
    @Update("UPDATE streamis_alert_incident SET resolved_at = #{at}, resolution = #{resolution},"
            + " resolution_key = #{key}, resolution_args = #{args}, open_key = NULL"
            + " WHERE id = #{id} AND open_key IS NOT NULL")
    int resolve(@Param("id") long id, @Param("at") LocalDateTime at, @Param("resolution") String resolution,
                @Param("key") String key, @Param("args") String args);

    /** Resolves with {@code resolution}'s English (cut to the column) and, when it fits, its key and arguments. */
    default int resolve(long id, LocalDateTime at, Text resolution) {
        boolean keyed = keyed(resolution);
        return resolve(id, at, cut(resolution.english(), RESOLUTION_MAX), keyed ? resolution.key() : null,
                keyed ? resolution.storedArgs() : null);
    }

    @Select("SELECT " + COLUMNS + " FROM streamis_alert_incident WHERE job_id = #{jobId} ORDER BY id DESC"
            + " LIMIT #{limit} OFFSET #{offset}")
    List<Incident> selectByJob(@Param("jobId") long jobId, @Param("offset") int offset, @Param("limit") int limit);

    @Select("SELECT COUNT(*) FROM streamis_alert_incident WHERE job_id = #{jobId}")
    long countByJob(@Param("jobId") long jobId);

    @Select("SELECT COUNT(*) FROM streamis_alert_incident WHERE open_key IS NOT NULL")
    long countOpen();
}
