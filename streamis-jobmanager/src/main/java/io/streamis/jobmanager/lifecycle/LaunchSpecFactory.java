package io.streamis.jobmanager.lifecycle;

import io.streamis.config.value.JobConfig;
import io.streamis.jobmanager.job.JobService;
import io.streamis.jobmanager.job.JobViews;
import io.streamis.jobmanager.job.StreamJob;
import io.streamis.jobmanager.upload.JobContents;
import io.streamis.jobmanager.version.ArtifactResolver;
import io.streamis.jobmanager.version.JobVersion;
import io.streamis.launcher.cluster.FlinkClusters;
import io.streamis.launcher.launch.JobKind;
import io.streamis.launcher.launch.LaunchSpec;
import io.streamis.launcher.launch.MappedConfig;
import java.nio.file.Path;
import org.apache.flink.api.common.JobID;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Turns a job version plus its effective config into what the launcher runs. */
@Component
public class LaunchSpecFactory {

    /**
     * A spec ready to launch, and the config keys that cannot apply to the target cluster.
     *
     * @param deployed a per-job target: the start deploys an application in the background
     */
    public record Prepared(LaunchSpec spec, List<String> notApplied, boolean deployed) {
    }

    private final JobService jobs;
    private final JobViews views;
    private final ArtifactResolver artifacts;
    private final FlinkConfResolver flinkConf;
    private final FlinkClusters clusters;
    private final ClusterChoice choice;

    public LaunchSpecFactory(JobService jobs, JobViews views, ArtifactResolver artifacts, FlinkConfResolver flinkConf,
                             FlinkClusters clusters, ClusterChoice choice) {
        this.jobs = jobs;
        this.views = views;
        this.artifacts = artifacts;
        this.flinkConf = flinkConf;
        this.clusters = clusters;
        this.choice = choice;
    }

    public String clusterOf(JobConfig config) {
        return choice.of(config);
    }

    /**
     * @param allowNonRestoredState skip restore-point state the program has no operator for (Flink's
     *                              {@code --allowNonRestoredState}); only ever on the user's explicit request
     */
    public Prepared prepare(StreamJob job, JobVersion version, JobConfig config, String restorePath,
                            boolean allowNonRestoredState) {
        String cluster = choice.of(config);
        boolean perJob = clusters.isPerJob(cluster);
        FlinkConfResolver.Resolved resolved = flinkConf.resolve(cluster, perJob, job.projectName(), job.name(),
                config.groups());
        MappedConfig mapped = resolved.mapped();
        Map<String, String> flinkConf = resolved.flinkConfiguration();
        Map<String, Object> content = jobs.readContent(version);
        String pipelineName = job.projectName() + "." + job.name();
        String artifactKey = "job-" + job.id() + "-" + version.version();
        // Every run gets its Flink job id up front and the intent records it before Flink is called, so a process
        // that dies between Flink's acceptance and the record leaves a run found by its id, not guessed by name.
        LaunchSpec.Owner owner = new LaunchSpec.Owner(job.id(), job.projectName(), job.name(), version.version(),
                JobID.generate().toHexString());
        if (JobContents.FLINK_SQL.equals(job.jobType())) {
            return new Prepared(new LaunchSpec(cluster, pipelineName, JobKind.SQL,
                    views.sqlText(job, version, content), null, null, List.of(), List.of(), List.of(),
                    mapped.parallelism(), restorePath, allowNonRestoredState, flinkConf, artifactKey, owner), mapped.notApplied(),
                    perJob);
        }
        Path mainJar = artifacts.require(job.projectName(), version, (String) content.get("main.class.jar")).path();
        List<Path> deps = new ArrayList<>();
        for (String n : JobContents.stringList(content, "dependency.jars")) {
            deps.add(artifacts.require(job.projectName(), version, n).path());
        }
        List<Path> resources = new ArrayList<>();
        for (String n : JobContents.stringList(content, "resources")) {
            resources.add(artifacts.require(job.projectName(), version, n).path());
        }
        List<String> notApplied = new ArrayList<>(mapped.notApplied());
        JobContents.stringList(content, "hdfs.jars").forEach(h ->
                notApplied.add("hdfs.jars " + h + ": HDFS jars are not shipped yet"));
        return new Prepared(new LaunchSpec(cluster, pipelineName, JobKind.JAR, null, mainJar,
                (String) content.get("main.class"), JobContents.stringList(content, "args"), deps, resources,
                mapped.parallelism(), restorePath, allowNonRestoredState, flinkConf, artifactKey, owner), notApplied,
                perJob);
    }
}
