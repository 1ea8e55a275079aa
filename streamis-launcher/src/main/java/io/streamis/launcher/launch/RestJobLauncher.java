package io.streamis.launcher.launch;

import io.streamis.common.error.ErrorCode;
import io.streamis.launcher.client.FlinkClusterException;
import io.streamis.launcher.client.FlinkClusterGateway;
import io.streamis.launcher.client.RunRequest;
import io.streamis.launcher.client.SavepointStatus;
import io.streamis.launcher.cluster.ClusterTarget;
import io.streamis.launcher.cluster.FlinkClusters;
import io.streamis.launcher.config.StreamisLauncherProperties;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import org.springframework.stereotype.Component;

/**
 * Launches on a session cluster through Flink's REST API (upload the jar once, then {@code /jars/:id/run}), or
 * hands a per-job target's start to its deployer. SQL jobs run the SQL runner jar with the script as a base64
 * argument; jar jobs run their jar with dependencies nested under {@code lib/}.
 * Uploaded jar ids are remembered per cluster; a cluster that forgot one (restart) gets it again.
 */
@Component
public class RestJobLauncher implements JobLauncher {

    static final String SQL_RUNNER_CLASS = "io.streamis.runner.SqlRunner";
    private static final Duration POLL = Duration.ofMillis(100);

    private final FlinkClusters clusters;
    private final JarPackager packager;
    private final Map<String, String> uploaded = new ConcurrentHashMap<>();

    public RestJobLauncher(FlinkClusters clusters, StreamisLauncherProperties properties) {
        this.clusters = clusters;
        this.packager = new JarPackager(properties.dataDir().resolve("jars"));
    }

    @Override
    public LaunchResult launch(LaunchSpec spec) {
        ClusterTarget target = clusters.target(spec.cluster());
        Program program = program(spec);
        if (target instanceof ClusterTarget.Application a) {
            return a.deployer().deploy(spec, program.jar(), program.entry(), program.args());
        }
        return runOnSession(target.gateway(), spec, program);
    }

    /** The jar to run, its entry class and arguments, and the key its upload is cached under. */
    private record Program(Path jar, String key, String entry, List<String> args) {
    }

    private Program program(LaunchSpec spec) {
        if (spec.kind() == JobKind.SQL) {
            return new Program(packager.sqlRunnerJar(), "sql-runner", SQL_RUNNER_CLASS, List.of(Base64.getEncoder()
                    .encodeToString(spec.sqlScript().getBytes(StandardCharsets.UTF_8))));
        }
        return new Program(packager.combinedJar(spec.artifactKey(), spec.mainJar(), spec.dependencyJars(),
                spec.resources()), spec.artifactKey(), spec.mainClass(), spec.args() == null ? List.of() : spec.args());
    }

    private LaunchResult runOnSession(FlinkClusterGateway g, LaunchSpec spec, Program program) {
        Map<String, String> conf = new LinkedHashMap<>(spec.flinkConfiguration());
        conf.put("pipeline.name", spec.pipelineName());
        if (spec.parallelism() != null) {
            conf.put("parallelism.default", String.valueOf(spec.parallelism()));
        }
        Path jar = program.jar();
        String key = program.key();
        RunRequest run = new RunRequest(program.entry(), program.args(), spec.parallelism(), spec.restorePath(),
                spec.allowNonRestoredState(), conf, spec.owner() == null ? null : spec.owner().flinkJobId());
        String jarId = jarId(g, key, jar, false);
        String jobId;
        try {
            jobId = g.runJar(jarId, run);
        } catch (FlinkClusterException e) {
            if (!e.isNotFound()) {
                throw e;
            }
            jarId = jarId(g, key, jar, true);
            jobId = g.runJar(jarId, run);
        }
        return new LaunchResult(spec.cluster(), jobId, jarId, g.restUrl() + "/#/job/running/" + jobId + "/overview",
                spec.restorePath());
    }

    private String jarId(FlinkClusterGateway g, String key, Path jar, boolean refresh) {
        String cacheKey = g.name() + "|" + key + "|" + jar;
        if (refresh) {
            uploaded.remove(cacheKey);
        }
        return uploaded.computeIfAbsent(cacheKey, k -> g.uploadJar(jar));
    }

    @Override
    public String stopWithSavepoint(String cluster, String flinkJobId, String targetDirectory, Duration timeout) {
        FlinkClusterGateway g = clusters.get(cluster);
        return await(g, flinkJobId, g.stopWithSavepoint(flinkJobId, targetDirectory), timeout,
                "stop with savepoint");
    }

    @Override
    public void cancel(String cluster, String flinkJobId) {
        clusters.get(cluster).cancel(flinkJobId);
    }

    @Override
    public void release(String cluster, String flinkJobId) {
        clusters.get(cluster).release(flinkJobId);
    }

    private String await(FlinkClusterGateway g, String jobId, String requestId, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            SavepointStatus s = g.savepointStatus(jobId, requestId);
            switch (s.phase()) {
                case COMPLETED:
                    return s.location();
                case FAILED:
                    throw new FlinkClusterException(ErrorCode.FLINK_REJECTED, 0, what + " of job " + jobId
                            + " failed: " + s.failureCause());
                default:
                    LockSupport.parkNanos(POLL.toNanos());
            }
        }
        throw new FlinkClusterException(ErrorCode.FLINK_UNAVAILABLE, 0, what + " of job " + jobId
                + " did not complete within " + timeout.toSeconds() + " s");
    }
}
