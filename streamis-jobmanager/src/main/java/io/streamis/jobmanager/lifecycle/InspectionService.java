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
import io.streamis.launcher.state.RestorePointResolver;
import io.streamis.launcher.state.StatePoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Start inspection ("作业启动确认"): what a start would do, computed by the same planner the start uses.
 * The 0.3.x entries are always there (behaviour §5.1): {@code version} ({@code now}, and {@code last} once the job
 * ran), {@code snapshot} (the restore point, or the upstream message when there is none) and {@code highavailable};
 * {@code list} appears when a same-name job already runs on the cluster. {@code inspections} names every entry
 * present. Our own rule for when a person has to confirm is {@code needsConfirm}: a new version, a real restore
 * point, a same-name job, a failed HA check, or restore switched OFF while restore points exist (then
 * {@code snapshot.offer} is the newest one, so the confirmation can restore from it with one click).
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
    private final HighAvailabilityCheck ha;
    private final RestorePointResolver resolver;

    /** §5.1 message when restore is on (or a path is configured) but no state exists. */
    public static final String MSG_EMPTY_SNAPSHOT = "获取到了空的快照地址";
    /** §5.1 message when the restore switch is OFF. */
    public static final String MSG_RESTORE_OFF = "任务未开启快照，无需检查快照地址";

    public InspectionService(AccessGuard access, VersionService versions, TaskMapper tasks,
                             EffectiveConfig effective, RestorePlanner planner, LaunchSpecFactory specs,
                             FlinkClusters clusters, HighAvailabilityCheck ha, RestorePointResolver resolver) {
        this.access = access;
        this.versions = versions;
        this.tasks = tasks;
        this.effective = effective;
        this.planner = planner;
        this.specs = specs;
        this.clusters = clusters;
        this.ha = ha;
        this.resolver = resolver;
    }

    public Map<String, Object> inspect(String user, long jobId) {
        StreamJob job = access.operableJob(user, jobId);
        Map<String, Object> out = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        List<String> confirm = new ArrayList<>();
        JobVersion now = versions.latest(jobId);
        StreamTask last = tasks.selectLatest(jobId);
        JobVersion lastVersion = last == null ? null : versions.byId(last.jobVersionId());
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("now", row(now));
        if (lastVersion != null) {
            v.put("last", row(lastVersion));
        }
        out.put("version", v);
        names.add("version");
        if (lastVersion == null || lastVersion.id() != now.id()) {
            confirm.add("version");
        }
        EffectiveConfig.Resolved config = effective.of(job);
        RestorePlanner.Decision decision = planner.plan(job, config.config(), null);
        if (decision.path() != null) {
            out.put("snapshot", snapshot(decision, now));
            confirm.add("snapshot");
        } else {
            Map<String, Object> empty = emptySnapshot(job, decision);
            out.put("snapshot", empty);
            if (empty.containsKey("offer")) {
                confirm.add("snapshot");
            }
        }
        names.add("snapshot");
        String cluster = specs.clusterOf(config.config());
        List<Map<String, Object>> same = sameName(cluster, job.projectName() + "." + job.name());
        if (!same.isEmpty()) {
            out.put("list", Map.of("list", same));
            names.add("list");
            confirm.add("list");
        }
        HighAvailabilityCheck.Result haResult = ha.check(now);
        out.put("highavailable", haResult);
        names.add("highavailable");
        if (!haResult.highAvailable()) {
            confirm.add("highavailable");
        }
        out.put("inspections", names);
        out.put("needsConfirm", confirm);
        return out;
    }

    /**
     * No restore point will be used: the §5.1 message as {@code path}, {@code found: false}; with restore OFF
     * and restore points on record, the newest one as {@code offer} (never used unless the user picks it).
     */
    private Map<String, Object> emptySnapshot(StreamJob job, RestorePlanner.Decision decision) {
        Map<String, Object> s = new LinkedHashMap<>();
        boolean off = "restore-off".equals(decision.source());
        s.put("path", off ? MSG_RESTORE_OFF : MSG_EMPTY_SNAPSHOT);
        s.put("found", false);
        s.put("restoreSwitch", off ? "OFF" : "ON");
        if (off) {
            StatePoint newest = resolver.resolve(planner.query(job, null)).chosen();
            if (newest != null) {
                Map<String, Object> offer = new LinkedHashMap<>();
                offer.put("path", newest.path());
                offer.put("kind", newest.kind().name());
                offer.put("origin", newest.origin());
                if (newest.completedTs() > 0) {
                    offer.put("completedTime", newest.completedTs());
                    offer.put("ageSeconds",
                            Duration.ofMillis(System.currentTimeMillis() - newest.completedTs()).toSeconds());
                }
                offer.put("fromVersion", newest.jobVersion());
                s.put("offer", offer);
            }
        }
        return s;
    }

    private Map<String, Object> snapshot(RestorePlanner.Decision d, JobVersion now) {
        StatePoint p = d.chosen();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("path", p.path());
        s.put("found", true);
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
        m.put("manageMode", v.manageMode());
        m.put("jobContent", v.jobContent());
        m.put("comment", v.comment());
        m.put("createTime", v.createTime() == null ? null : v.createTime().toString().replace('T', ' '));
        m.put("createBy", v.createBy());
        return m;
    }
}
