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
     * @param flinkJobId the Flink job id the run is given up front (32 hex), so a crash between deploy and
     *                   record can still be matched to its run; null lets Flink choose (session clusters)
     */
    public record Owner(long jobId, String project, String job, String version, String flinkJobId) {
    }
}
