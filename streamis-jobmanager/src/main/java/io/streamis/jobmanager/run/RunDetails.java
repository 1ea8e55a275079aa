package io.streamis.jobmanager.run;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamis.common.error.StreamisException;
import io.streamis.common.error.Text;
import io.streamis.jobmanager.job.StreamJob;
import io.streamis.jobmanager.lifecycle.FlinkConfResolver;
import io.streamis.jobmanager.lifecycle.JobInfoCodec;
import io.streamis.jobmanager.lifecycle.JobInfo;
import io.streamis.jobmanager.log.TaskLog;
import io.streamis.jobmanager.restore.RestorePoints;
import io.streamis.jobmanager.task.StreamTask;
import io.streamis.jobmanager.task.TaskMapper;
import io.streamis.launcher.client.FlinkClusterGateway;
import io.streamis.launcher.client.LogPage;
import io.streamis.launcher.cluster.FlinkClusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Reads live facts about a job's runs from Flink (metrics, checkpoints, logs) and its restore-point catalogue. */
@Component
class RunDetails {

    private final TaskMapper tasks;
    private final FlinkClusters clusters;
    private final JobInfoCodec codec;
    private final TaskLog taskLog;
    private final RestorePoints points;
    private final ObjectMapper json;
    private final FlinkConfResolver flinkConf;
    private final MessageSource messages;

    RunDetails(TaskMapper tasks, FlinkClusters clusters, JobInfoCodec codec, TaskLog taskLog, RestorePoints points,
               ObjectMapper json, FlinkConfResolver flinkConf, MessageSource messages) {
        this.messages = messages;
        this.tasks = tasks;
        this.clusters = clusters;
        this.codec = codec;
        this.taskLog = taskLog;
        this.points = points;
        this.json = json;
        this.flinkConf = flinkConf;
    }

    Map<String, Object> of(long jobId, String version) {
        StreamTask t = version == null || version.isBlank() ? tasks.selectLatest(jobId)
                : tasks.selectByVersion(jobId, version, 0, 1).stream().findFirst().orElse(null);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("manageMode", "detach");
        d.put("linkisJobInfo", t == null ? null : codec.read(t).withJobStates(jobStates(t)));
        d.put("taskId", t == null ? null : t.id());
        Map<String, Object> metrics = new LinkedHashMap<>();
        if (t != null && t.flinkJobId() != null && t.taskStatus().isActive()) {
            FlinkClusterGateway g = clusters.get(t.cluster());
            metrics.put("job", safe(() -> json.convertValue(g.metrics(t.flinkJobId()), Map.class)));
            metrics.put("checkpoints", safe(() -> json.convertValue(g.checkpoints(t.flinkJobId()), Map.class)));
        }
        d.put("metrics", metrics);
        d.putAll(compatLists(metrics.get("job")));
        d.put("flinkConfiguration", t == null ? null : effectiveFlinkConf(t));
        return d;
    }

    /** The job config snapshot a run started with ({@code job_start_config}), as far as the Flink conf needs it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record StartConfig(String projectName, String jobName, Map<String, Map<String, String>> jobConfig) {
    }

    /** The Flink configuration the run was launched with, rebuilt by the same resolver the launch used. */
    private Map<String, String> effectiveFlinkConf(StreamTask t) {
        if (t.jobStartConfig() == null || t.jobStartConfig().isBlank()) {
            return null;
        }
        try {
            StartConfig c = json.readValue(t.jobStartConfig(), StartConfig.class);
            if (c.jobConfig() == null || c.projectName() == null || c.jobName() == null) {
                return null;
            }
            String cluster = t.cluster() != null && clusters.names().contains(t.cluster()) ? t.cluster()
                    : clusters.defaultCluster();
            return new TreeMap<>(flinkConf.resolve(cluster, clusters.isPerJob(cluster), c.projectName(), c.jobName(),
                    c.jobConfig()).flinkConfiguration());
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The 0.3.x lists ({@code realTimeTraffic}, {@code dataNumber}, {@code loadCondition}) built from the real
     * vertex metrics (0.3.2 returned hard-coded samples): first vertex = source, last = sink.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> compatLists(Object jobMetrics) {
        List<Map<String, Object>> vertices = jobMetrics instanceof Map<?, ?> m && m.get("vertices") instanceof List<?> l
                ? (List<Map<String, Object>>) l : List.of();
        List<Map<String, Object>> traffic = new ArrayList<>();
        List<Map<String, Object>> numbers = new ArrayList<>();
        if (!vertices.isEmpty()) {
            Map<String, Object> src = vertices.get(0);
            Map<String, Object> sink = vertices.get(vertices.size() - 1);
            Map<String, Object> mid = vertices.get(vertices.size() / 2);
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("sourceKey", src.get("name"));
            t.put("sourceSpeed", String.format("%.1f records/s", ((Number) src.get("recordsOutPerSecond")).doubleValue()));
            t.put("transformKey", mid.get("name"));
            t.put("transformSpeed", String.format("%.1f records/s", ((Number) mid.get("recordsInPerSecond")).doubleValue()));
            t.put("sinkKey", sink.get("name"));
            t.put("sinkSpeed", String.format("%.1f records/s", ((Number) sink.get("recordsInPerSecond")).doubleValue()));
            traffic.add(t);
            for (Map<String, Object> v : vertices) {
                numbers.add(Map.of("dataName", String.valueOf(v.get("name")), "dataNumber", v.get("recordsOut")));
            }
        }
        return Map.of("realTimeTraffic", traffic, "dataNumber", numbers, "loadCondition", List.of());
    }

    Object logs(long jobId, Long taskId, String logType, int fromLine, int pageSize, String only, String ignore,
                int lastRows) {
        StreamTask t = taskId == null || taskId == 0 ? tasks.selectLatest(jobId) : tasks.selectById(taskId);
        if (t == null || t.jobId() != jobId) {
            return taskLog.read(-1, fromLine, pageSize, only, ignore, lastRows);
        }
        String type = logType == null || logType.isBlank() ? "client" : logType;
        switch (type) {
            case "client":
                return taskLog.read(t.id(), fromLine, pageSize, only, ignore, lastRows);
            case "yarn":
                // The JobManager's log of the cluster that runs the job: its own YARN container on a per-job
                // application, the session's JobManager otherwise.
                if (t.flinkJobId() == null) {
                    return taskLog.read(-1, fromLine, pageSize, only, ignore, lastRows);
                }
                return safe(() -> {
                    LogPage log = tail((from, size) -> clusters.get(t.cluster()).jobManagerLog(t.flinkJobId(), from,
                            size, only, ignore), fromLine, pageSize, lastRows);
                    if (!log.isNoFile()) {
                        return log;
                    }
                    // No JobManager log file (the embedded MiniCluster logs into the server's log): the run's
                    // exception history instead, after the notice that says so, which is always line 1: said in the
                    // reader's language, as a page that is only a notice is (RunViews.localisedLog).
                    String notice = log.notice() == null ? log.logs().get(0) : log.notice().localise(messages);
                    List<String> lines = new ArrayList<>();
                    lines.add(Text.of("log.exceptions-below", notice + "; " + ExceptionLines.INSTEAD, notice)
                            .localise(messages));
                    lines.addAll(TaskLog.filter(exceptionLines(t), only, ignore));
                    return TaskLog.page(exceptionsPath(t), lines, fromLine, pageSize, lastRows);
                });
            case "flink":
                if (t.flinkJobId() == null) {
                    return taskLog.read(-1, fromLine, pageSize, only, ignore, lastRows);
                }
                return exceptions(t, only, ignore, fromLine, pageSize, lastRows);
            case "jobmanager":
                return safe(() -> tail((from, size) -> clusters.get(t.cluster()).jobManagerLog(t.flinkJobId(), from,
                        size, only, ignore), fromLine, pageSize, lastRows));
            case "taskmanager":
                return safe(() -> tail((from, size) -> clusters.get(t.cluster()).taskManagerLog(t.flinkJobId(), from,
                        size, only, ignore), fromLine, pageSize, lastRows));
            default:
                throw StreamisException.validation("run.log-type",
                        "logType must be client, flink, yarn, jobmanager or taskmanager");
        }
    }

    /** A page of a cluster log, from line {@code from}, at most {@code size} lines (after the keyword filters). */
    interface ClusterLog {
        LogPage page(int from, int size);
    }

    /**
     * The page asked for, or with {@code lastRows} the last lines: a cluster log is read whole and filtered by the
     * cluster's side, so its length is learnt from a page past the end (it reports the last line number).
     */
    static LogPage tail(ClusterLog log, int fromLine, int pageSize, int lastRows) {
        if (lastRows <= 0) {
            return log.page(fromLine, pageSize);
        }
        LogPage end = log.page(Integer.MAX_VALUE / 2, 1);
        if (end.isNoFile()) {
            return end;
        }
        int rows = Math.min(lastRows, 1000);
        return log.page(Math.max(1, end.endLine() - rows + 1), rows);
    }

    /**
     * Flink's exception history of a run as a log page, or the page that says there is none or why it cannot be
     * read (a notice, said in the reader's language).
     */
    private LogPage exceptions(StreamTask t, String only, String ignore, int fromLine, int pageSize, int lastRows) {
        List<String> lines;
        try {
            lines = ExceptionLines.of(clusters.get(t.cluster()).exceptions(t.flinkJobId()));
        } catch (RuntimeException e) {
            return LogPage.notice(exceptionsPath(t), Text.of("log.exceptions-unavailable", "Flink's exception history"
                    + " is not available: " + e.getMessage(), String.valueOf(e.getMessage())));
        }
        if (lines.equals(List.of(ExceptionLines.NONE))) {
            return LogPage.notice(exceptionsPath(t), Text.of("log.no-exceptions", ExceptionLines.NONE));
        }
        return TaskLog.page(exceptionsPath(t), TaskLog.filter(lines, only, ignore), fromLine, pageSize, lastRows);
    }

    /** Flink's exception history of a run as log lines, or one line saying why it cannot be read. */
    private List<String> exceptionLines(StreamTask t) {
        try {
            return ExceptionLines.of(clusters.get(t.cluster()).exceptions(t.flinkJobId()));
        } catch (RuntimeException e) {
            return List.of(Text.of("log.exceptions-unavailable", "Flink's exception history is not available: "
                    + e.getMessage(), String.valueOf(e.getMessage())).localise(messages));
        }
    }

    private static String exceptionsPath(StreamTask t) {
        return "flink:/jobs/" + t.flinkJobId() + "/exceptions";
    }

    /** The 0.3.x {@code jobStates} of a run: the points it produced (or restored from a user's path). */
    private List<JobInfo.State> jobStates(StreamTask t) {
        return points.ofTask(t.id()).stream().map(p -> new JobInfo.State(p.path(), p.completedTime(),
                p.path().equals(t.restoredFrom()), p.kind().name(), p.origin(), p.taskId(), p.checkpointId(),
                p.jobVersion())).toList();
    }

    private static Object safe(java.util.function.Supplier<Object> s) {
        try {
            return s.get();
        } catch (RuntimeException e) {
            return Map.of("error", String.valueOf(e.getMessage()));
        }
    }
}
