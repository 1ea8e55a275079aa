package io.streamis.jobmanager.lifecycle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamis.jobmanager.task.StreamTask;
import org.springframework.stereotype.Component;

/** Reads and writes {@link JobInfo} JSON; unreadable legacy JSON reads as an empty info rather than failing. */
@Component
public class JobInfoCodec {

    private final ObjectMapper json;

    public JobInfoCodec(ObjectMapper json) {
        this.json = json;
    }

    public JobInfo read(StreamTask task) {
        if (task == null || task.linkisJobInfo() == null || task.linkisJobInfo().isBlank()) {
            return JobInfo.empty(task == null ? null : task.cluster());
        }
        try {
            return json.readValue(task.linkisJobInfo(), JobInfo.class);
        } catch (JsonProcessingException e) {
            // Nothing the platform decides on lives in this JSON any more (restore points are rows), so an
            // unreadable value costs only its display.
            return JobInfo.empty(task.cluster());
        }
    }

    public String write(JobInfo info) {
        try {
            return json.writeValueAsString(info);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JobInfo cannot be serialised", e);
        }
    }

    public String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Value cannot be serialised", e);
        }
    }
}
