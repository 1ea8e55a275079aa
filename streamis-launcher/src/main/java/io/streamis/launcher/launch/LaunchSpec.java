package io.streamis.launcher.launch;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything needed to run one job on one cluster.
 *
 * @param owner who the run belongs to; a per-job deployment names and tags its application with it
 */
public record LaunchSpec(String cluster, String pipelineName, JobKind kind, String sqlScript, Path mainJar,
                         String mainClass, List<String> args, List<Path> dependencyJars, List<Path> resources,
                         Integer parallelism, String restorePath, boolean allowNonRestoredState,
                         Map<String, String> flinkConfiguration, String artifactKey, Owner owner) {

    /**
     * @param jobId      the platform's job id
     * @param flinkJobId the Flink job id the run is given up front (32 hex), recorded with the start's intent, so
     *                   a crash between Flink's acceptance and the answer's record is matched to its run exactly;
     *                   null lets Flink choose
     */
    public record Owner(long jobId, String project, String job, String version, String flinkJobId) {
    }
}
