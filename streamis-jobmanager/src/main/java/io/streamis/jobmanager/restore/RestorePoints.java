package io.streamis.jobmanager.restore;

import io.streamis.common.error.StreamisException;
import io.streamis.jobmanager.job.JobMapper;
import io.streamis.jobmanager.job.StreamJob;
import io.streamis.jobmanager.task.StreamTask;
import io.streamis.launcher.client.CheckpointStats;
import io.streamis.launcher.state.RestorePointResolver;
import io.streamis.launcher.state.StateKind;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The record of a job's restore points: every writer (the monitor's checkpoints, stop and manual savepoints, the
 * shutdown savepoints, a user's confirmed path, Flink's refusals) appends its own fact, so no writer can erase
 * another's — the reason they left the task's JSON column.
 */
@Component
public class RestorePoints {

    private static final Logger LOG = LoggerFactory.getLogger(RestorePoints.class);
    /** Periodic checkpoints kept per run; Flink's own retention has deleted the older ones' files. */
    private static final int CHECKPOINTS_PER_RUN = 5;
    private static final int READ_LIMIT = 200;

    /** What a clear did. */
    public record Cleared(long jobId, String path) {
    }

    /** A job's points, newest run first, and the refused ones (normalised path → reason). */
    public record Known(List<RestorePoint> points, Map<String, String> refused) {

        public boolean isRefused(String path) {
            return refused.containsKey(RestorePointResolver.normalise(path));
        }
    }

    private final RestorePointMapper mapper;
    private final JobMapper jobs;
    private final TransactionTemplate tx;

    public RestorePoints(RestorePointMapper mapper, JobMapper jobs, PlatformTransactionManager txManager) {
        this.mapper = mapper;
        this.jobs = jobs;
        this.tx = new TransactionTemplate(txManager);
    }

    /** A completed checkpoint (or savepoint) the monitor saw in the run's statistics. */
    public void checkpointed(StreamTask t, CheckpointStats.Completed c) {
        boolean added = add(new RestorePoint(0, t.jobId(), t.id(), c.savepoint() ? StateKind.SAVEPOINT
                : StateKind.CHECKPOINT, RestorePoint.Origin.PERIODIC.wire(), c.path(), c.id(), c.completedTs(),
                c.stateSize() > 0 ? c.stateSize() : null, t.version()));
        if (added && !c.savepoint()) {
            mapper.pruneCheckpoints(t.id(), CHECKPOINTS_PER_RUN);
        }
    }

    /** A savepoint the platform took of the run (stop, snapshot, server shutdown). */
    public void savepointed(StreamTask t, String path, RestorePoint.Origin origin) {
        add(new RestorePoint(0, t.jobId(), t.id(), StateKind.SAVEPOINT, origin.wire(), path, null,
                System.currentTimeMillis(), null, t.version()));
    }

    /**
     * A path a user confirmed (or configured) that the run {@code taskId} restores from; recorded so a run that
     * dies before its first checkpoint leaves it a candidate even when it lies outside the scanned directories.
     */
    public void userPath(long jobId, long taskId, String path, String version) {
        add(new RestorePoint(0, jobId, taskId, StateKind.USER, RestorePoint.Origin.USER.wire(), path, null, 0, null,
                version));
    }

    /** Flink could not read {@code path}: later plans skip it until a user clears the mark. */
    public void refused(long jobId, long taskId, String path, String reason) {
        mapper.insertMark(jobId, path, hash(path), RestoreMark.Action.REFUSED, truncate(reason), taskId, null);
    }

    /** Lifts a refusal; fails when the point is not refused. Permission is the caller's. */
    public Cleared clear(StreamJob job, String path, String user) {
        if (path == null || path.isBlank()) {
            throw StreamisException.validation("restore.path-required", "path is required");
        }
        // Under the job's row lock, like a start's intent: a start cannot refuse the point again half-way.
        tx.executeWithoutResult(status -> {
            jobs.selectByIdForUpdate(job.id());
            if (!known(job.id(), List.of()).isRefused(path)) {
                throw StreamisException.notFound("restore.not-refused", "Restore point " + path
                        + " is not marked refused for job " + job.name(), path, job.name());
            }
            mapper.insertMark(job.id(), path.trim(), hash(path), RestoreMark.Action.CLEARED, null, null, user);
        });
        LOG.info("Refused mark on restore point {} of job {} cleared by {}", path, job.name(), user);
        return new Cleared(job.id(), path.trim());
    }

    /** The job's recorded points (bounded, newest run first) and the refused paths. */
    public Known known(long jobId) {
        return known(jobId, mapper.selectByJob(jobId, READ_LIMIT));
    }

    private Known known(long jobId, List<RestorePoint> points) {
        Map<String, String> refused = new LinkedHashMap<>();
        for (RestoreMark m : mapper.selectMarks(jobId)) {
            String key = RestorePointResolver.normalise(m.path());
            if (m.action().excludes()) {
                refused.put(key, m.reason() == null ? "refused" : m.reason());
            } else {
                refused.remove(key);
            }
        }
        return new Known(points, refused);
    }

    /** The points a run produced or restored from user's path (the 0.3.x {@code jobStates} of its job info). */
    public List<RestorePoint> ofTask(long taskId) {
        return mapper.selectByTask(taskId);
    }

    /** Appends the fact unless the job already has a point at this path; true when a row was written. */
    private boolean add(RestorePoint p) {
        if (p.path() == null || p.path().isBlank()) {
            return false;
        }
        String hash = hash(p.path());
        if (mapper.countByPath(p.jobId(), hash) > 0) {
            return false;
        }
        try {
            mapper.insert(p, hash);
            return true;
        } catch (DuplicateKeyException raced) {
            return false;
        }
    }

    /** The key of "one row per job and path": SHA-256 of the normalised path (file:/x, file:///x/ and /x agree). */
    public static String hash(String path) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256")
                    .digest(RestorePointResolver.normalise(path).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 2000 ? s : s.substring(0, 2000);
    }
}
