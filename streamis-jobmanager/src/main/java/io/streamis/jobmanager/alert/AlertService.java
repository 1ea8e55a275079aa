package io.streamis.jobmanager.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamis.common.error.Text;
import io.streamis.jobmanager.alert.channel.AlertChannel;
import io.streamis.jobmanager.alert.channel.ChannelMapper;
import io.streamis.jobmanager.alert.delivery.AlertDispatcher;
import io.streamis.jobmanager.alert.delivery.OutboxMapper;
import io.streamis.jobmanager.job.StreamJob;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes what the decider decided: an incident opens once per (job, rule) with its 0.3.x alert rows (one per
 * notified user) and one outbox row per matching channel, in one transaction; a resolve closes it and queues the
 * resolve message. Sending is the dispatcher's, on its own thread.
 */
@Service
public class AlertService {

    private static final Logger LOG = LoggerFactory.getLogger(AlertService.class);

    /** The 0.3.x alert records (one per notified user), now linked to their incident. */
    @Mapper
    public interface AlertMapper {
        @Insert("INSERT INTO linkis_stream_alert_record (alert_level, alert_user, alert_msg, job_id, job_version_id,"
                + " task_id, status, error_msg, incident_id) VALUES (#{level}, #{user}, #{msg}, #{jobId}, #{versionId},"
                + " #{taskId}, 1, #{error}, #{incidentId})")
        int insert(@Param("level") String level, @Param("user") String user, @Param("msg") String msg,
                   @Param("jobId") long jobId, @Param("versionId") Long versionId, @Param("taskId") Long taskId,
                   @Param("error") String error, @Param("incidentId") Long incidentId);

        @Select("SELECT id, alert_level, alert_user, alert_msg, job_id, job_version_id, task_id, create_time, status,"
                + " error_msg, incident_id FROM linkis_stream_alert_record WHERE job_id = #{jobId} ORDER BY id DESC"
                + " LIMIT #{limit} OFFSET #{offset}")
        List<Map<String, Object>> selectByJob(@Param("jobId") long jobId, @Param("offset") int offset,
                                              @Param("limit") int limit);

        @Select("SELECT COUNT(*) FROM linkis_stream_alert_record WHERE job_id = #{jobId}")
        long countByJob(@Param("jobId") long jobId);
    }

    private final IncidentMapper incidents;
    private final AlertMapper records;
    private final ChannelMapper channels;
    private final OutboxMapper outbox;
    private final AlertDispatcher dispatcher;
    private final ObjectMapper json;
    private final TransactionTemplate tx;

    public AlertService(IncidentMapper incidents, AlertMapper records, ChannelMapper channels, OutboxMapper outbox,
                        AlertDispatcher dispatcher, ObjectMapper json, PlatformTransactionManager txManager) {
        this.incidents = incidents;
        this.records = records;
        this.channels = channels;
        this.outbox = outbox;
        this.dispatcher = dispatcher;
        this.json = json;
        this.tx = new TransactionTemplate(txManager);
    }

    /**
     * Opens the rule's incident for the job unless one is open already (then nothing is written or sent). The
     * incident keeps {@code text}'s key and arguments, so the Alerts tab says it in its reader's language; what
     * the channels and the 0.3.x rows receive is the English, fixed now (see {@link AlertMessage}).
     *
     * @return the new incident, or empty when it was already open
     */
    public Optional<Incident> open(StreamJob job, AlertRule rule, AlertSettings settings, Long taskId, Text text) {
        AlertLevel level = settings.levelOf(rule);
        LocalDateTime now = LocalDateTime.now();
        IncidentMapper.NewIncident row = new IncidentMapper.NewIncident(job.id(), rule.name(), level.name(), taskId,
                text, now);
        String message = row.message;
        try {
            tx.executeWithoutResult(s -> {
                incidents.insert(row);
                AlertMessage m = new AlertMessage(AlertMessage.Kind.FIRING, row.id, rule.name(), level.name(),
                        job.projectName(), job.id(), job.name(), taskId, rule.title(), message,
                        List.copyOf(settings.users()), OffsetDateTime.now().toString());
                for (String user : settings.users()) {
                    records.insert(level.name(), user, cut(m.headline() + (message == null ? "" : ": " + message), 1000), job.id(), null, taskId,
                            cut(text.english(), 2000), row.id);
                }
                enqueue(job.projectName(), level, row.id, m);
            });
        } catch (DuplicateKeyException e) {
            return Optional.empty(); // one incident per (job, rule) while it lasts
        }
        LOG.warn("ALERT [{}] {} job {}: {}", level, rule, job.name(), message);
        dispatcher.wake();
        return Optional.ofNullable(incidents.selectOpen(row.openKey));
    }

    /** Resolves an open incident and queues the resolve message (to the channels that took the alert). */
    public boolean resolve(StreamJob job, Incident incident, AlertSettings settings, Text resolution) {
        Boolean done = tx.execute(s -> {
            if (incidents.resolve(incident.id(), LocalDateTime.now(), resolution) != 1) {
                return false;
            }
            AlertRule rule = AlertRule.valueOf(incident.rule());
            AlertLevel level = AlertLevel.parse(incident.level(), settings.levelOf(rule));
            AlertMessage m = new AlertMessage(AlertMessage.Kind.RESOLVED, incident.id(), rule.name(), level.name(),
                    job.projectName(), job.id(), job.name(), incident.taskId(), rule.title(), resolution.english(),
                    List.copyOf(settings.users()), OffsetDateTime.now().toString());
            enqueue(job.projectName(), level, incident.id(), m);
            return true;
        });
        if (Boolean.TRUE.equals(done)) {
            LOG.info("Resolved {} of job {}: {}", incident.rule(), job.name(), resolution.english());
            dispatcher.wake();
            return true;
        }
        return false;
    }

    private void enqueue(String project, AlertLevel level, Long incidentId, AlertMessage m) {
        String payload = toJson(m);
        LocalDateTime now = LocalDateTime.now();
        for (AlertChannel c : channels.selectByProject(project)) {
            if (c.enabled() && level.atLeast(AlertLevel.parse(c.minLevel(), AlertLevel.INFO))) {
                outbox.insert(incidentId, c.id(), m.kind().name(), payload, now);
            }
        }
    }

    String toJson(AlertMessage m) {
        try {
            return json.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
