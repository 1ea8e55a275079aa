package io.streamis.launcher.launch;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Everything needed to run one job on one cluster. */
public record LaunchSpec(String cluster, String pipelineName, JobKind kind, String sqlScript, Path mainJar,
                         String mainClass, List<String> args, List<Path> dependencyJars, List<Path> resources,
                         Integer parallelism, String restorePath, boolean allowNonRestoredState,
                         Map<String, String> flinkConfiguration, String artifactKey) {
}
