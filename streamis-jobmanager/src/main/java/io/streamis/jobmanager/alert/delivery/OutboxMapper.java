package io.streamis.jobmanager.alert.delivery;

import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * The persisted outbox. A worker claims a due row by moving its next attempt past a lease (compare-and-set on
 * the old time), so two servers never send the same row at once and a worker that dies mid-send only delays it.
 */
@Mapper
public interface OutboxMapper {

    String COLUMNS = "id, incident_id, channel_id, kind, payload, status, attempts, next_attempt_at, last_error,"
            + " sent_at, create_time";

    @Insert("INSERT INTO streamis_alert_outbox (incident_id, channel_id, kind, payload, status, attempts,"
            + " next_attempt_at) VALUES (#{incidentId}, #{channelId}, #{kind}, #{payload}, 'PENDING', 0, #{due})")
    int insert(@Param("incidentId") Long incidentId, @Param("channelId") long channelId, @Param("kind") String kind,
               @Param("payload") String payload, @Param("due") LocalDateTime due);

    @Select("SELECT " + COLUMNS + " FROM streamis_alert_outbox WHERE status = 'PENDING' AND next_attempt_at <= #{now}"
            + " ORDER BY next_attempt_at, id LIMIT #{limit}")
    List<Delivery> selectDue(@Param("now") LocalDateTime now, @Param("limit") int limit);

    @Update("UPDATE streamis_alert_outbox SET next_attempt_at = #{lease}, attempts = attempts + 1 WHERE id = #{id}"
            + " AND status = 'PENDING' AND next_attempt_at = #{seen}")
    int claim(@Param("id") long id, @Param("seen") LocalDateTime seen, @Param("lease") LocalDateTime lease);

    @Update("UPDATE streamis_alert_outbox SET status = 'SENT', sent_at = #{at}, last_error = NULL WHERE id = #{id}")
    int markSent(@Param("id") long id, @Param("at") LocalDateTime at);

    @Update("UPDATE streamis_alert_outbox SET status = #{status}, next_attempt_at = #{next}, last_error = #{error}"
            + " WHERE id = #{id}")
    int markFailed(@Param("id") long id, @Param("status") String status, @Param("next") LocalDateTime next,
                   @Param("error") String error);

    /** Puts a FAILED delivery back in line (an operator's resend). */
    @Update("UPDATE streamis_alert_outbox SET status = 'PENDING', attempts = 0, next_attempt_at = #{now}"
            + " WHERE id = #{id} AND status = 'FAILED'")
    int requeue(@Param("id") long id, @Param("now") LocalDateTime now);

    @Select("SELECT " + COLUMNS + " FROM streamis_alert_outbox WHERE id = #{id}")
    Delivery selectById(@Param("id") long id);

    @Select("<script>SELECT o.id, o.incident_id, o.channel_id, o.kind, o.payload, o.status, o.attempts,"
            + " o.next_attempt_at, o.last_error, o.sent_at, o.create_time FROM streamis_alert_outbox o"
            + " JOIN streamis_alert_channel c ON c.id = o.channel_id WHERE c.project_name = #{project}"
            + "<if test='status != null'> AND o.status = #{status}</if> ORDER BY o.id DESC"
            + " LIMIT #{limit} OFFSET #{offset}</script>")
    List<Delivery> selectByProject(@Param("project") String project, @Param("status") String status,
                                   @Param("offset") int offset, @Param("limit") int limit);

    @Select("<script>SELECT COUNT(*) FROM streamis_alert_outbox o JOIN streamis_alert_channel c"
            + " ON c.id = o.channel_id WHERE c.project_name = #{project}"
            + "<if test='status != null'> AND o.status = #{status}</if></script>")
    long countByProject(@Param("project") String project, @Param("status") String status);

    @Select("SELECT " + COLUMNS + " FROM streamis_alert_outbox WHERE incident_id = #{incidentId} ORDER BY id")
    List<Delivery> selectByIncident(@Param("incidentId") long incidentId);

    @Select("SELECT COUNT(*) FROM streamis_alert_outbox WHERE status = #{status}")
    long countByStatus(@Param("status") String status);
}
