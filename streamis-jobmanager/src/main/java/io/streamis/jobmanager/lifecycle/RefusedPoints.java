package io.streamis.jobmanager.lifecycle;

import io.streamis.common.error.StreamisException;
import io.streamis.jobmanager.job.JobMapper;
import io.streamis.jobmanager.job.StreamJob;
import io.streamis.jobmanager.log.TaskLog;
import io.streamis.jobmanager.task.StreamTask;
import io.streamis.jobmanager.task.TaskMapper;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Lifts a user's "refused" mark from a restore point. The marks live on the tasks that were refused
 * ({@code JobInfo.poisoned}) and the planner skips a path marked on any recent task, so clearing removes the path
 * from every task of the job; nothing else has to learn a new fact and the planner's rule stays one line.
 */
@Component
public class RefusedPoints {

    /** What a clear did: the tasks whose mark was lifted. */
    public record Cleared(long jobId, String path, List<Long> taskIds) {
    }

    private final TaskMapper tasks;
    private final JobMapper jobs;
    private final JobInfoCodec codec;
    private final TaskLog log;
    private final TransactionTemplate tx;

    public RefusedPoints(TaskMapper tasks, JobMapper jobs, JobInfoCodec codec, TaskLog log,
                         PlatformTransactionManager txManager) {
        this.tasks = tasks;
        this.jobs = jobs;
        this.codec = codec;
        this.log = log;
        this.tx = new TransactionTemplate(txManager);
    }

    /** Clears the mark on {@code path}; fails when no task of the job has it marked. Permission is the caller's. */
    public Cleared clear(StreamJob job, String path, String user) {
        if (path == null || path.isBlank()) {
            throw StreamisException.validation("path is required");
        }
        // Under the job's row lock, like a start's intent: a start cannot mark the point again half-way.
        List<Long> cleared = tx.execute(status -> {
            jobs.selectByIdForUpdate(job.id());
            List<Long> ids = new ArrayList<>();
            for (StreamTask t : tasks.selectRecent(job.id(), Integer.MAX_VALUE)) {
                JobInfo info = codec.read(t);
                // Only a value that read back with the mark is rewritten, so unreadable JSON is never replaced.
                if (info.isPoisoned(path)) {
                    tasks.updateJobInfo(t.id(), codec.write(info.withoutPoisoned(path)));
                    ids.add(t.id());
                }
            }
            return ids;
        });
        if (cleared.isEmpty()) {
            throw StreamisException.notFound("Restore point " + path + " is not marked refused for job "
                    + job.name());
        }
        cleared.forEach(id -> log.append(id, "Refused mark on restore point " + path + " cleared by " + user
                + "; it is a candidate again"));
        return new Cleared(job.id(), path.trim(), cleared);
    }
}
