package io.streamis.server.audit;

import io.streamis.common.error.Text;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** The audit table: insert and filtered reads only (it is append-only). */
@Mapper
interface AuditMapper {

    /** A stored row as read back. */
    record Row(long id, LocalDateTime eventTime, String userName, String remoteAddr, String request,
               String projectName, Long jobId, String action, String outcome, String errorCode, String message,
               String detail, String messageKey, String messageArgs) {

        /** The message to say in the reader's language; a row written before keys existed has only its text. */
        Text text() {
            return Text.stored(messageKey, messageArgs, message);
        }
    }

    @Insert("INSERT INTO streamis_audit_log (event_time, user_name, remote_addr, request, project_name, job_id,"
            + " action, outcome, error_code, message, detail, message_key, message_args) VALUES (#{time}, #{user},"
            + " #{remoteAddr}, #{request}, #{project}, #{jobId}, #{action}, #{outcome}, #{errorCode}, #{message},"
            + " #{detail}, #{messageKey}, #{messageArgs})")
    int insert(@Param("time") LocalDateTime time, @Param("user") String user, @Param("remoteAddr") String remoteAddr,
               @Param("request") String request, @Param("project") String project, @Param("jobId") Long jobId,
               @Param("action") String action, @Param("outcome") String outcome,
               @Param("errorCode") String errorCode, @Param("message") String message,
               @Param("detail") String detail, @Param("messageKey") String messageKey,
               @Param("messageArgs") String messageArgs);

    String WHERE = "<where>"
            + "<if test='!q.all'> (<if test='q.projects.size() > 0'>project_name IN"
            + "<foreach item='p' collection='q.projects' open='(' separator=',' close=')'>#{p}</foreach> OR </if>"
            + " (project_name IS NULL AND user_name = #{q.viewer}))</if>"
            + "<if test='q.user != null'> AND user_name = #{q.user}</if>"
            + "<if test='q.project != null'> AND project_name = #{q.project}</if>"
            + "<if test='q.jobId != null'> AND job_id = #{q.jobId}</if>"
            + "<if test='q.action != null'> AND action = #{q.action}</if>"
            + "<if test='q.outcome != null'> AND outcome = #{q.outcome}</if>"
            + "<if test='q.from != null'> AND event_time &gt;= #{q.from}</if>"
            + "<if test='q.to != null'> AND event_time &lt; #{q.to}</if>"
            + "</where>";

    @Select("<script>SELECT id, event_time, user_name, remote_addr, request, project_name, job_id, action, outcome,"
            + " error_code, message, detail, message_key, message_args FROM streamis_audit_log " + WHERE
            + " ORDER BY id DESC LIMIT #{limit} OFFSET #{offset}</script>")
    List<Row> select(@Param("q") AuditQuery q, @Param("limit") int limit, @Param("offset") int offset);

    @Select("<script>SELECT COUNT(*) FROM streamis_audit_log " + WHERE + "</script>")
    long count(@Param("q") AuditQuery q);
}
