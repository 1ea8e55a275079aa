package io.streamis.jobmanager.job;

import io.streamis.jobmanager.StreamisJobManagerProperties;
import io.streamis.jobmanager.project.Project;
import io.streamis.jobmanager.project.ProjectService;
import io.streamis.jobmanager.upload.JobContents;
import io.streamis.jobmanager.version.ArtifactResolver;
import io.streamis.jobmanager.version.JobVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Shapes jobs and versions into the 0.3.x JSON keys. */
@Component
public class JobViews {

    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final JobService jobs;
    private final ArtifactResolver artifacts;
    private final ProjectService projects;
    private final StreamisJobManagerProperties properties;

    public JobViews(JobService jobs, ArtifactResolver artifacts, ProjectService projects,
                    StreamisJobManagerProperties properties) {
        this.jobs = jobs;
        this.artifacts = artifacts;
        this.projects = projects;
        this.properties = properties;
    }

    public Map<String, Object> jobInfo(StreamJob job, int status) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", job.id());
        m.put("workspaceName", job.workspaceName());
        m.put("name", job.name());
        m.put("projectName", job.projectName());
        m.put("jobType", job.jobType());
        m.put("createBy", job.createBy());
        m.put("label", job.label());
        m.put("description", job.description());
        m.put("submitUser", job.submitUser());
        m.put("createTime", job.createTime() == null ? null : TIME.format(job.createTime()));
        m.put("enable", job.enable());
        m.put("currentVersion", job.currentVersion());
        m.put("status", status);
        return m;
    }

    /**
     * A version row with the 0.3.x keys: {@code id} is the <b>job</b> id and {@code description} the job's description
     * (a 0.3.x client opens {@code jobContent?jobId=<id>} from a version row); the version's own id is
     * {@code versionId} and its comment {@code comment}. {@code createBy} is the version's creator.
     */
    public Map<String, Object> version(StreamJob job, JobVersion v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", job.id());
        m.put("versionId", v.id());
        m.put("jobId", job.id());
        m.put("version", v.version());
        m.put("description", job.description());
        m.put("comment", v.comment());
        m.put("source", v.source());
        m.put("releaseTime", v.createTime() == null ? null : TIME.format(v.createTime()));
        m.put("createBy", v.createBy());
        m.put("projectName", job.projectName());
        m.put("projectId", projects.findByName(job.projectName()).map(Project::id).orElse(null));
        m.put("current", v.version().equals(job.currentVersion()));
        return m;
    }

    /** {@code GET /jobContent}: SQL text resolved; jar files resolved to their rows. */
    public Map<String, Object> content(StreamJob job, JobVersion v) {
        Map<String, Object> raw = jobs.readContent(v);
        Map<String, Object> m = new LinkedHashMap<>();
        if (JobContents.FLINK_SQL.equals(job.jobType())) {
            m.put("sql", sqlText(job, v, raw));
            copyIfPresent(raw, m, "workflowId", "workflowName");
            return m;
        }
        m.put("mainClassJar", fileView(job, v, (String) raw.get("main.class.jar")));
        m.put("mainClass", raw.get("main.class"));
        m.put("args", raw.getOrDefault("args", List.of()));
        m.put("hdfsJars", raw.getOrDefault("hdfs.jars", List.of()));
        m.put("dependencyJars", JobContents.stringList(raw, "dependency.jars").stream()
                .map(n -> fileView(job, v, n)).toList());
        m.put("resources", JobContents.stringList(raw, "resources").stream().map(n -> fileView(job, v, n)).toList());
        m.put("source", v.source());
        return m;
    }

    /** The SQL a version runs: inline, or the content of the referenced file. */
    public String sqlText(StreamJob job, JobVersion v, Map<String, Object> raw) {
        if ("file".equals(raw.get("type"))) {
            try {
                return Files.readString(artifacts.require(job.projectName(), v, (String) raw.get("file")).path(),
                        StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return (String) raw.get("sql");
    }

    private Object fileView(StreamJob job, JobVersion v, String name) {
        return artifacts.find(job.projectName(), v, name).<Object>map(ArtifactResolver.Artifact::toView)
                .orElse(Map.of("fileName", name, "missing", true));
    }

    private static void copyIfPresent(Map<String, Object> from, Map<String, Object> to, String... keys) {
        for (String k : keys) {
            if (from.containsKey(k)) {
                to.put(k, from.get(k));
            }
        }
    }

    public boolean editEnable() {
        return properties.contentEditEnable();
    }
}
