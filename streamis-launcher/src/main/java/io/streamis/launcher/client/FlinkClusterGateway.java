package io.streamis.launcher.client;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** One Flink session cluster, driven over its REST API (works across Flink versions, flink-notes §6). */
public interface FlinkClusterGateway {

    String name();

    /** Base REST URL, also the web UI URL. */
    String restUrl();

    ClusterOverview overview();

    String uploadJar(Path jar);

    void deleteJar(String jarId);

    /** Runs an uploaded jar; returns the Flink job id. */
    String runJar(String jarId, RunRequest request);

    /** {@code /jobs/overview}: one call per cluster per poll. */
    Map<String, JobOverview> jobsOverview();

    CheckpointStats checkpoints(String jobId);

    String triggerSavepoint(String jobId, String targetDirectory);

    String stopWithSavepoint(String jobId, String targetDirectory);

    SavepointStatus savepointStatus(String jobId, String requestId);

    void cancel(String jobId);

    JobExceptions exceptions(String jobId);

    JobMetrics metrics(String jobId);

    LogPage jobManagerLog(int fromLine, int pageSize, String onlyKeywords, String ignoreKeywords);

    /** The log of the cluster's first TaskManager (paged, keyword-filtered). */
    LogPage taskManagerLog(int fromLine, int pageSize, String onlyKeywords, String ignoreKeywords);

    List<String> taskManagerIds();

    /** The JobManager log of the cluster that runs {@code flinkJobId} (a per-job cluster has one per job). */
    default LogPage jobManagerLog(String flinkJobId, int fromLine, int pageSize, String onlyKeywords,
                                  String ignoreKeywords) {
        return jobManagerLog(fromLine, pageSize, onlyKeywords, ignoreKeywords);
    }

    /** The TaskManager log of the cluster that runs {@code flinkJobId}. */
    default LogPage taskManagerLog(String flinkJobId, int fromLine, int pageSize, String onlyKeywords,
                                   String ignoreKeywords) {
        return taskManagerLog(fromLine, pageSize, onlyKeywords, ignoreKeywords);
    }

    /**
     * Frees what the finished run {@code flinkJobId} still holds: nothing on a session cluster; a per-job
     * application is shut down (and killed if its Flink does not answer).
     */
    default void release(String flinkJobId) {
    }

    /**
     * Frees the finished run {@code flinkJobId} at once, without a graceful shutdown: a per-job application is
     * killed and no longer live when this returns, so the job can be deployed again right away. Nothing on a
     * session cluster.
     */
    default void releaseNow(String flinkJobId) {
    }

    /**
     * The Flink job ids of the live per-job deployments (applications) this installation made on the target, so
     * one nobody's run claims can be found and ended. Empty on a session cluster: it outlives its jobs.
     */
    default Set<String> deployments() {
        return Set.of();
    }

    /**
     * Why the deployment of {@code flinkJobId} ended before its job was ever listed, when the target knows: a
     * per-job application that YARN reports finished, failed or killed. Empty on a session cluster, and while the
     * deployment may still appear.
     */
    default Optional<String> endedDeployment(String flinkJobId) {
        return Optional.empty();
    }

    /**
     * The lines of the JobManager log of {@code flinkJobId}'s ended deployment that can explain its failure
     * ({@link FailureLines}: errors, exceptions, causes, container diagnostics; bounded, secrets masked), when the
     * target keeps the logs of ended deployments: a per-job YARN application's aggregated log. Empty on a session
     * cluster (its JobManager outlives the job and Flink's exceptions say why), while the deployment runs, and
     * when nothing of it was aggregated (yet).
     */
    default Optional<LogExcerpt> endedJobManagerExcerpt(String flinkJobId) {
        return Optional.empty();
    }
}
