package io.streamis.jobmanager.run;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamis.common.error.Text;
import io.streamis.jobmanager.job.JobViews;
import io.streamis.jobmanager.lifecycle.JobInfo;
import io.streamis.jobmanager.job.StreamJob;
import io.streamis.jobmanager.lifecycle.RunTexts;
import io.streamis.jobmanager.task.StreamTask;
import io.streamis.jobmanager.version.JobVersion;
import io.streamis.jobmanager.version.VersionMapper;
import io.streamis.launcher.client.LogPage;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Shapes task rows into the 0.3.x history and task JSON. */
@Component
class RunViews {

    private final VersionMapper versions;
    private final MessageSource messages;
    private final ObjectMapper json;

    RunViews(VersionMapper versions, MessageSource messages, ObjectMapper json) {
        this.versions = versions;
        this.messages = messages;
        this.json = json;
    }

    /** A log page as its reader reads it: a page that only says why there is no log says it in their language. */
    Object localisedLog(Object page) {
        return page instanceof LogPage p && p.notice() != null
                ? new LogPage(p.logPath(), List.of(p.notice().localise(messages)), p.endLine()) : page;
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
        Duration run = t.startTime() == null ? null : Duration.between(t.startTime(), end);
        // runTime keeps the 0.3.x text; runSeconds is the number a UI renders in its own language.
        m.put("runTime", run == null ? null : run.toMinutes() + " 分钟");
        m.put("runSeconds", run == null ? null : Math.max(0, run.toSeconds()));
        // Any run's cause, also of one still running (a stop that failed, Flink restarting it by itself).
        String cause = error(t.errDesc());
        m.put("stopCause", cause == null ? null : cause.length() > 300 ? cause.substring(0, 300) : cause);
        JobVersion v = versions.selectById(t.jobVersionId());
        m.put("versionContent", v == null ? null : v.jobContent());
        m.put("jobStartConfig", t.jobStartConfig());
        m.put("restoredFrom", t.restoredFrom());
        m.put("startCause", t.startCause());
        m.put("cluster", t.cluster());
        m.put("flinkJobId", t.flinkJobId());
        return m;
    }

    /** A run's recorded error in the current request's language (see {@link RunTexts#localise}). */
    String error(String recorded) {
        return RunTexts.localise(recorded, messages);
    }

    Map<String, Object> task(StreamTask t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("jobId", t.jobId());
        m.put("version", t.version());
        m.put("status", t.status());
        m.put("startTime", format(t.startTime()));
        m.put("lastUpdateTime", format(t.lastUpdateTime()));
        // The recorded error as its reader reads it: the platform's own words (a start that failed, a stop) in
        // their language, Flink's as they are. The diagnosis still matches the row's English.
        m.put("errDesc", error(t.errDesc()));
        m.put("solution", t.solution());
        m.put("submitUser", t.submitUser());
        m.put("restoredFrom", t.restoredFrom());
        return m;
    }

    /**
     * The details with the run's "not applied" reasons in the caller's language. Each reason is recorded as
     * {@code key=value: why}; the bundle's {@code notApplied.<key>} says the why, other reasons stay as recorded.
     */
    Map<String, Object> localised(Map<String, Object> details) {
        if (!(details.get("linkisJobInfo") instanceof JobInfo info) || info.notApplied().isEmpty()) {
            return details;
        }
        Map<String, Object> out = new LinkedHashMap<>(details);
        Map<String, Object> jobInfo = json.convertValue(info, new TypeReference<Map<String, Object>>() { });
        jobInfo.put("notApplied", info.notApplied().stream().map(this::notApplied).toList());
        out.put("linkisJobInfo", jobInfo);
        return out;
    }

    private String notApplied(String recorded) {
        int eq = recorded.indexOf('=');
        int why = recorded.lastIndexOf(": ");
        if (eq <= 0 || why < eq) {
            return recorded;
        }
        String key = recorded.substring(0, eq);
        return Text.of("notApplied." + key, recorded, key, recorded.substring(eq + 1, why)).localise(messages);
    }

    static String format(LocalDateTime t) {
        return t == null ? null : JobViews.TIME.format(t);
    }
}
