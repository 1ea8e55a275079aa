package io.streamis.jobmanager.run;

import io.streamis.jobmanager.job.JobViews;
import io.streamis.jobmanager.job.StreamJob;
import io.streamis.jobmanager.task.StreamTask;
import io.streamis.jobmanager.version.JobVersion;
import io.streamis.jobmanager.version.VersionMapper;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Shapes task rows into the 0.3.x history and task JSON. */
@Component
class RunViews {

    private final VersionMapper versions;

    RunViews(VersionMapper versions) {
        this.versions = versions;
    }

    Map<String, Object> history(StreamJob job, StreamTask t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("taskId", t.id());
        m.put("jobVersionId", t.jobVersionId());
        m.put("jobName", job.name());
        m.put("creator", t.submitUser());
        m.put("version", t.version());
        m.put("status", t.taskStatus().uiKey());
        m.put("statusCode", t.status());
        m.put("startTime", format(t.startTime()));
        boolean over = t.taskStatus().isTerminal();
        m.put("endTime", over ? format(t.lastUpdateTime()) : null);
        LocalDateTime end = over && t.lastUpdateTime() != null ? t.lastUpdateTime() : LocalDateTime.now();
        m.put("runTime", t.startTime() == null ? null
                : Duration.between(t.startTime(), end).toMinutes() + " 分钟");
        m.put("stopCause", t.errDesc() == null ? null : t.errDesc().length() > 300 ? t.errDesc().substring(0, 300)
                : t.errDesc());
        JobVersion v = versions.selectById(t.jobVersionId());
        m.put("versionContent", v == null ? null : v.jobContent());
        m.put("jobStartConfig", t.jobStartConfig());
        m.put("restoredFrom", t.restoredFrom());
        m.put("startCause", t.startCause());
        m.put("cluster", t.cluster());
        m.put("flinkJobId", t.flinkJobId());
        return m;
    }

    Map<String, Object> task(StreamTask t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("jobId", t.jobId());
        m.put("version", t.version());
        m.put("status", t.status());
        m.put("startTime", format(t.startTime()));
        m.put("lastUpdateTime", format(t.lastUpdateTime()));
        m.put("errDesc", t.errDesc());
        m.put("solution", t.solution());
        m.put("submitUser", t.submitUser());
        m.put("restoredFrom", t.restoredFrom());
        return m;
    }

    static String format(LocalDateTime t) {
        return t == null ? null : JobViews.TIME.format(t);
    }
}
