package io.streamis.jobmanager.lifecycle;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What a task knows about its Flink run, stored as JSON in {@code linkis_stream_task.linkis_job_info} with the
 * 0.3.x key names ({@code id, name, applicationId, applicationUrl, jobStates, ...}) plus our own facts.
 * Restore points are not stored here any more (they are rows of {@code linkis_stream_restore_point}, see
 * {@code io.streamis.jobmanager.restore}); {@code jobStates} is filled from those rows when the info is shown.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record JobInfo(String id, String name, String user, String status, String cluster, String applicationId,
                      String applicationUrl, String engineType, String engineVersion, String clientType,
                      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<State> jobStates, State restoredFrom,
                      List<String> notApplied, String completedMsg) {

    public JobInfo {
        jobStates = jobStates == null ? List.of() : List.copyOf(jobStates);
        notApplied = notApplied == null ? List.of() : List.copyOf(notApplied);
    }

    /**
     * A restore point in the 0.3.x {@code jobStates} shape.
     *
     * @param location     path of the checkpoint/savepoint directory
     * @param timestamp    completion time (ms)
     * @param restore      whether the run was started from it
     * @param kind         CHECKPOINT, SAVEPOINT or USER
     * @param origin       periodic, stop, manual, user, scan, carried
     * @param runSeq       the task (run) that produced it
     * @param checkpointId Flink checkpoint id, when known
     * @param version      job version that produced it
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record State(String location, long timestamp, boolean restore, String kind, String origin, Long runSeq,
                        Long checkpointId, String version) {
    }

    public static JobInfo empty(String cluster) {
        return new JobInfo(null, null, null, null, cluster, null, null, "flink", null, "detach", null, null, null,
                null);
    }

    public static JobInfo starting(String name, String user, String cluster, State planned) {
        return new JobInfo(null, name, user, "Starting", cluster, null, null, "flink", null, "detach", null,
                planned, null, null);
    }

    /** @param applicationId the YARN application of a per-job run; the Flink job id on a session (0.3.x) */
    public JobInfo launched(String flinkJobId, String applicationId, String webUrl, List<String> notApplied) {
        return new JobInfo(flinkJobId, name, user, "Running", cluster,
                applicationId != null ? applicationId : flinkJobId, webUrl, engineType,
                engineVersion, clientType, jobStates, restoredFrom, notApplied, completedMsg);
    }

    public JobInfo withStatus(String newStatus, String msg) {
        return new JobInfo(id, name, user, newStatus, cluster, applicationId, applicationUrl, engineType,
                engineVersion, clientType, jobStates, restoredFrom, notApplied, msg == null ? completedMsg : msg);
    }

    /** The 0.3.x view: the same info with the run's restore points. */
    public JobInfo withJobStates(List<State> states) {
        return new JobInfo(id, name, user, status, cluster, applicationId, applicationUrl, engineType,
                engineVersion, clientType, states, restoredFrom, notApplied, completedMsg);
    }
}
