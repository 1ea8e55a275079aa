package io.streamis.jobmanager.metrics;

import java.util.List;
import java.util.Map;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;

/** The counts the platform gauges read (cached by {@link JobMetrics}, never per scrape). */
@Mapper
public interface MetricsMapper {

    /** Jobs by the status of their latest run. */
    @Select("SELECT t.status AS status, COUNT(*) AS n FROM linkis_stream_task t JOIN (SELECT job_id, MAX(id) AS id"
            + " FROM linkis_stream_task GROUP BY job_id) l ON l.id = t.id GROUP BY t.status")
    List<Map<String, Object>> jobsByStatus();

    @Select("SELECT COUNT(*) FROM linkis_stream_job j WHERE NOT EXISTS (SELECT 1 FROM linkis_stream_task t"
            + " WHERE t.job_id = j.id)")
    long jobsNeverStarted();

    @Select("SELECT status AS status, COUNT(*) AS n FROM streamis_alert_outbox WHERE status <> 'SENT' GROUP BY status")
    List<Map<String, Object>> undeliveredByStatus();

    @Select("SELECT COUNT(*) FROM streamis_alert_incident WHERE open_key IS NOT NULL")
    long openIncidents();
}
