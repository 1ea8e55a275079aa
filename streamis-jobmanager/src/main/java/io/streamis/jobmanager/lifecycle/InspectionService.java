package io.streamis.jobmanager.lifecycle;

import io.streamis.common.error.StreamisException;
import io.streamis.jobmanager.access.AccessGuard;
import io.streamis.jobmanager.job.StreamJob;
import io.streamis.jobmanager.task.StreamTask;
import io.streamis.jobmanager.task.TaskMapper;
import io.streamis.jobmanager.version.JobVersion;
import io.streamis.jobmanager.version.VersionService;
import io.streamis.launcher.client.JobOverview;
import io.streamis.launcher.cluster.FlinkClusters;
import io.streamis.launcher.state.StatePoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Start inspection ("作业启动确认"): what a start would do, computed by the same planner the start uses.
 * Entries appear only when there is something to confirm: {@code version} (first start, or a newer version than
 * the last run), {@code snapshot} (the restore point), {@code list} (a same-name job already runs on the cluster).
 */
@Service
public class InspectionService {

    private final AccessGuard access;
    private final VersionService versions;
    private final TaskMapper tasks;
    private final EffectiveConfig effective;
    private final RestorePlanner planner;
    private final LaunchSpecFactory specs;
    private final FlinkClusters clusters;

    public InspectionService(AccessGuard access, VersionService versions, TaskMapper tasks,
                             EffectiveConfig effective, RestorePlanner planner, LaunchSpecFactory specs,
                             FlinkClusters clusters) {
        this.access = access;
        this.versions = versions;
        this.tasks = tasks;
        this.effective = effective;
        this.planner = planner;
        this.specs = specs;
        this.clusters = clusters;
    }

    public Map<String, Object> inspect(String user, long jobId) {
        StreamJob job = access.operableJob(user, jobId);
        Map<String, Object> out = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        JobVersion now = versions.latest(jobId);
        StreamTask last = tasks.selectLatest(jobId);
        JobVersion lastVersion = last == null ? null : versions.byId(last.jobVersionId());
        if (lastVersion == null || lastVersion.id() != now.id()) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("now", row(now));
            if (lastVersion != null) {
                v.put("last", row(lastVersion));
            }
            out.put("version", v);
            names.add("version");
        }
        EffectiveConfig.Resolved config = effective.of(job);
        RestorePlanner.Decision decision = planner.plan(job, config.config(), null);
        if (decision.path() != null) {
            out.put("snapshot", snapshot(decision, now));
            names.add("snapshot");
        }
        String cluster = specs.clusterOf(config.config());
        List<Map<String, Object>> same = sameName(cluster, job.projectName() + "." + job.name());
        if (!same.isEmpty()) {
            out.put("list", Map.of("list", same));
            names.add("list");
        }
        out.put("inspections", names);
        return out;
    }

    private Map<String, Object> snapshot(RestorePlanner.Decision d, JobVersion now) {
        StatePoint p = d.chosen();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("path", p.path());
        s.put("kind", p.kind().name());
        s.put("origin", p.origin());
        s.put("source", d.source());
        if (p.completedTs() > 0) {
            s.put("completedTime", p.completedTs());
            s.put("ageSeconds", Duration.ofMillis(System.currentTimeMillis() - p.completedTs()).toSeconds());
        }
        s.put("fromVersion", p.jobVersion());
        if (p.jobVersion() != null && !p.jobVersion().equals(now.version())) {
            s.put("warning", "This state was taken by version " + p.jobVersion() + "; the start runs "
                    + now.version() + ". Operators whose uid changed will not be restored.");
        }
        s.put("fallbacks", d.plan().fallbacks().stream().map(StatePoint::path).toList());
        return s;
    }

    private List<Map<String, Object>> sameName(String cluster, String pipelineName) {
        List<Map<String, Object>> out = new ArrayList<>();
        try {
            for (JobOverview o : clusters.get(cluster).jobsOverview().values()) {
                if (pipelineName.equals(o.name()) && !o.state().isGloballyTerminal()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("applicationId", o.jobId());
                    m.put("applicationUrl", clusters.get(cluster).restUrl() + "/#/job/running/" + o.jobId()
                            + "/overview");
                    m.put("applicationState", o.state().name());
                    m.put("applicationName", o.name());
                    out.add(m);
                }
            }
        } catch (StreamisException e) {
            throw e;
        } catch (RuntimeException e) {
            throw StreamisException.illegalState("Cannot reach cluster " + cluster + " to check for running"
                    + " jobs of the same name: " + e.getMessage());
        }
        return out;
    }

    private static Map<String, Object> row(JobVersion v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", v.id());
        m.put("jobId", v.jobId());
        m.put("version", v.version());
        m.put("source", v.source());
        m.put("comment", v.comment());
        m.put("createTime", v.createTime() == null ? null : v.createTime().toString().replace('T', ' '));
        m.put("createBy", v.createBy());
        return m;
    }
}
