package io.streamis.server.audit;

import io.streamis.common.audit.AuditAction;
import io.streamis.common.audit.AuditEvent;
import io.streamis.common.audit.AuditLog;
import io.streamis.jobmanager.job.JobMapper;
import io.streamis.jobmanager.job.StreamJob;
import io.streamis.jobmanager.lifecycle.StartCause;
import io.streamis.jobmanager.task.TaskFact;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Records the starts nobody asked for — automatic restarts and recoveries after a server restart — as audit rows of
 * the user {@code streamis}, so "who started this job at 3 a.m." has an answer in the audit log too. A user's start
 * (also in a bulk operation) is recorded by its request, with the answer.
 */
@Component
class PlatformStarts {

    /** The actor of the platform's own actions. */
    static final String ACTOR = "streamis";

    private final AuditLog audit;
    private final JobMapper jobs;

    PlatformStarts(AuditLog audit, JobMapper jobs) {
        this.audit = audit;
        this.jobs = jobs;
    }

    /** After the start's intent committed: a start that rolled back did not happen. */
    @TransactionalEventListener(fallbackExecution = true)
    void onStarted(TaskFact.Started started) {
        StartCause cause = StartCause.valueOf(started.cause());
        if (cause.byUser()) {
            return;
        }
        StreamJob job = jobs.selectById(started.jobId());
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("startCause", cause.name());
        detail.put("taskId", started.taskId());
        audit.record(AuditEvent.of(ACTOR, job == null ? null : job.projectName(), started.jobId(),
                AuditAction.AUTO_START, detail, true, null, null));
    }
}
