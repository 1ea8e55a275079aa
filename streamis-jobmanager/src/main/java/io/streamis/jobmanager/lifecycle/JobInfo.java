package io.streamis.jobmanager.lifecycle;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.streamis.launcher.state.RestorePointResolver;
import java.util.ArrayList;
import java.util.List;

/**
 * What a task knows about its Flink run, stored as JSON in {@code linkis_stream_task.linkis_job_info} with the
 * 0.3.x key names ({@code id, name, applicationId, applicationUrl, jobStates, ...}) plus our own facts.
 * {@code jobStates} carries restore points forward from run to run, so a run that dies before its first
 * checkpoint does not lose the point it was started from.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record JobInfo(String id, String name, String user, String status, String cluster, String applicationId,
                      String applicationUrl, String engineType, String engineVersion, String clientType,
                      List<State> jobStates, State restoredFrom, List<String> notApplied, String completedMsg,
                      List<String> poisoned) {

    public JobInfo {
        jobStates = jobStates == null ? List.of() : List.copyOf(jobStates);
        notApplied = notApplied == null ? List.of() : List.copyOf(notApplied);
        poisoned = poisoned == null ? List.of() : List.copyOf(poisoned);
    }

    /**
     * A restore point known to the platform.
     *
     * @param location     path of the checkpoint/savepoint directory
     * @param timestamp    completion time (ms)
     * @param restore      whether the run that records it was started from it
     * @param kind         CHECKPOINT or SAVEPOINT
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

    public static JobInfo starting(String name, String user, String cluster, State planned, List<State> carried) {
        return new JobInfo(null, name, user, "Starting", cluster, null, null, "flink", null, "detach",
                carried, planned, null, null, null);
    }

    /** @param applicationId the YARN application of a per-job run; the Flink job id on a session (0.3.x) */
    public JobInfo launched(String flinkJobId, String applicationId, String webUrl, List<String> notApplied) {
        return new JobInfo(flinkJobId, name, user, "Running", cluster,
                applicationId != null ? applicationId : flinkJobId, webUrl, engineType,
                engineVersion, clientType, jobStates, restoredFrom, notApplied, completedMsg, poisoned);
    }

    public JobInfo withStatus(String newStatus, String msg) {
        return new JobInfo(id, name, user, newStatus, cluster, applicationId, applicationUrl, engineType,
                engineVersion, clientType, jobStates, restoredFrom, notApplied, msg == null ? completedMsg : msg,
                poisoned);
    }

    /** Adds (or replaces by location) a state; newest first, bounded so the JSON stays small. */
    public JobInfo withState(State state) {
        List<State> list = new ArrayList<>();
        list.add(state);
        for (State s : jobStates) {
            if (!s.location().equals(state.location()) && list.size() < 20) {
                list.add(s);
            }
        }
        return new JobInfo(id, name, user, status, cluster, applicationId, applicationUrl, engineType,
                engineVersion, clientType, list, restoredFrom, notApplied, completedMsg, poisoned);
    }

    /** Marks a restore point Flink refused to restore from; later starts skip it (peers.md (c) step 8). */
    public JobInfo withPoisoned(String path) {
        List<String> list = new ArrayList<>(poisoned);
        list.add(path);
        return new JobInfo(id, name, user, status, cluster, applicationId, applicationUrl, engineType,
                engineVersion, clientType, jobStates, restoredFrom, notApplied, completedMsg, list);
    }

    /** Lifts a user-cleared mark: {@code path} (compared normalised) is a candidate again. */
    public JobInfo withoutPoisoned(String path) {
        String target = RestorePointResolver.normalise(path);
        List<String> list = poisoned.stream().filter(p -> !RestorePointResolver.normalise(p).equals(target))
                .toList();
        return new JobInfo(id, name, user, status, cluster, applicationId, applicationUrl, engineType,
                engineVersion, clientType, jobStates, restoredFrom, notApplied, completedMsg, list);
    }

    /** Whether {@code path} (compared normalised) is marked refused on this task. */
    public boolean isPoisoned(String path) {
        String target = RestorePointResolver.normalise(path);
        return poisoned.stream().anyMatch(p -> RestorePointResolver.normalise(p).equals(target));
    }
}
