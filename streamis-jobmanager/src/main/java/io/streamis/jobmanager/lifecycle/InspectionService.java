package io.streamis.jobmanager.lifecycle;

import io.streamis.common.error.StreamisException;
import io.streamis.common.job.TaskStatus;
import io.streamis.jobmanager.access.AccessGuard;
import io.streamis.jobmanager.job.StreamJob;
import io.streamis.jobmanager.task.StreamTask;
import io.streamis.jobmanager.task.TaskMapper;
import io.streamis.jobmanager.version.JobVersion;
import io.streamis.jobmanager.version.VersionService;
import io.streamis.launcher.client.JobOverview;
import io.streamis.launcher.cluster.FlinkClusters;
import io.streamis.launcher.config.ClusterType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
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
    private final SnapshotInspection snapshots;
    private final LaunchSpecFactory specs;
    private final FlinkClusters clusters;
    private final HighAvailabilityCheck ha;
    private final JobInfoCodec codec;
    private final MessageSource messages;

    public InspectionService(AccessGuard access, VersionService versions, TaskMapper tasks,
                             EffectiveConfig effective, SnapshotInspection snapshots, LaunchSpecFactory specs,
                             FlinkClusters clusters, HighAvailabilityCheck ha, JobInfoCodec codec,
                             MessageSource messages) {
        this.codec = codec;
        this.messages = messages;
        this.access = access;
        this.versions = versions;
        this.tasks = tasks;
        this.effective = effective;
        this.snapshots = snapshots;
        this.specs = specs;
        this.clusters = clusters;
        this.ha = ha;
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
        SnapshotInspection.Entry snapshot = snapshots.inspect(job, config.config(), now);
        out.put("snapshot", snapshot);
        names.add("snapshot");
        if (snapshot.needsConfirm()) {
            confirm.add("snapshot");
        }
        String cluster = specs.clusterOf(config.config());
        ClusterType type = clusters.target(cluster).type();
        // Where this start will run (not an inspection entry: 0.3.x clients only read the listed ones).
        out.put("cluster", Map.of("name", cluster, "type", type.configName()));
        List<Map<String, Object>> same = sameName(cluster, job.projectName() + "." + job.name());
        if (!same.isEmpty()) {
            out.put("list", Map.of("list", same));
            names.add("list");
            confirm.add("list");
        }
        HighAvailabilityCheck.Result haResult = ha.check(now, type == ClusterType.EMBEDDED);
        out.put("highavailable", haResult);
        names.add("highavailable");
        if (!haResult.highAvailable()) {
            confirm.add("highavailable");
        }
        Map<String, Object> incompatible = incompatibleLastStart(last);
        if (incompatible != null) {
            // Not an inspection entry either (0.3.x clients render every listed one); a UI offers the choice.
            out.put("restoreIncompatible", incompatible);
            confirm.add("restoreIncompatible");
        }
        out.put("inspections", names);
        out.put("needsConfirm", confirm);
        return out;
    }

    /**
     * When the job's last start failed because its program could not take the restore point's state: the point,
     * Flink's reason and the offer to start with {@code allowNonRestoredState}; null otherwise.
     */
    private Map<String, Object> incompatibleLastStart(StreamTask last) {
        if (last == null || last.taskStatus() != TaskStatus.FAILED
                || RestoreFailure.of(last.errDesc()) != RestoreFailure.INCOMPATIBLE_PROGRAM) {
            return null;
        }
        JobInfo.State planned = codec.read(last).restoredFrom();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("taskId", last.id());
        m.put("path", last.restoredFrom() != null ? last.restoredFrom()
                : planned == null ? null : planned.location());
        // The run's recorded English, said in the reader's language (Flink's reason inside stays as it is).
        m.put("message", RunTexts.localise(last.errDesc(), messages));
        m.put("allowNonRestoredState", true);
        return m;
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
            throw StreamisException.illegalState("inspect.cluster-unreachable", "Cannot reach cluster " + cluster
                    + " to check for running jobs of the same name: " + e.getMessage(), cluster, e.getMessage());
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
