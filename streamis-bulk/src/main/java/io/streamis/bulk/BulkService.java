package io.streamis.bulk;

import io.streamis.common.error.StreamisException;
import io.streamis.common.error.Text;
import io.streamis.common.job.TaskStatus;
import io.streamis.jobmanager.access.AccessGuard;
import io.streamis.jobmanager.job.StreamJob;
import io.streamis.jobmanager.lifecycle.StartCause;
import io.streamis.jobmanager.lifecycle.StartOutcome;
import io.streamis.jobmanager.lifecycle.ServerInstance;
import io.streamis.jobmanager.lifecycle.StartService;
import io.streamis.jobmanager.lifecycle.StopService;
import io.streamis.jobmanager.task.StreamTask;
import io.streamis.jobmanager.task.TaskMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/**
 * Bulk start/stop composed of the single-job actions on a bounded executor. Each job is pre-checked on its own
 * (a failing job is reported, the others go on), each item records the real outcome (RUNNING reached, or
 * stopped, or why not), and an identical request within the dedupe window returns the earlier operation, or, when
 * some of its items failed, retries those items only.
 */
@Service
public class BulkService implements DisposableBean {

    static final int MAX_JOBS = 500;
    /** The note a carried item gets; removed before it is carried again, so it does not pile up. */
    private static final Pattern CARRIED = Pattern.compile(" \\(in bulk operation \\d+; not run again\\)$");

    private final BulkMapper mapper;
    private final AccessGuard access;
    private final StartService starts;
    private final StopService stops;
    private final TaskMapper tasks;
    private final StreamisBulkProperties properties;
    private final ServerInstance server;
    private final ExecutorService executor;
    private final BulkAudit audit;

    public BulkService(BulkMapper mapper, AccessGuard access, StartService starts, StopService stops,
                       TaskMapper tasks, StreamisBulkProperties properties, BulkAudit audit,
                       ServerInstance server) {
        this.server = server;
        this.mapper = mapper;
        this.audit = audit;
        this.access = access;
        this.starts = starts;
        this.stops = stops;
        this.tasks = tasks;
        this.properties = properties;
        AtomicInteger n = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(properties.concurrency(), properties.concurrency(), 60,
                TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "streamis-bulk-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    /** Bulk items waiting for a worker (the queue depth metric). */
    public int queued() {
        return executor instanceof ThreadPoolExecutor pool ? pool.getQueue().size() : 0;
    }

    /** Bulk items being worked on now. */
    public int active() {
        return executor instanceof ThreadPoolExecutor pool ? pool.getActiveCount() : 0;
    }

    /** Submits a bulk operation; {@link #finished} follows its outcome. */
    public long submit(String user, BulkAction action, List<Long> jobIds, boolean snapshot,
                       Map<Long, String> confirmedPaths) {
        if (jobIds == null || jobIds.isEmpty()) {
            throw StreamisException.validation("bulk.no-jobs", "bulk_sbj must list at least one job id");
        }
        List<Long> ids = List.copyOf(new LinkedHashSet<>(jobIds));
        if (ids.size() > MAX_JOBS) {
            throw StreamisException.validation("bulk.too-many", "A bulk operation takes at most " + MAX_JOBS
                    + " jobs", MAX_JOBS);
        }
        String key = requestKey(user, action, ids, snapshot, confirmedPaths);
        BulkOperation existing = duplicateOf(key);
        long bulkId;
        if (existing == null) {
            bulkId = create(user, action, ids, snapshot, confirmedPaths, key, null);
        } else if (existing.finished() && anyFailed(existing.id())) {
            // A repeat after a partial failure is a retry: the failed items run again, the others do not.
            bulkId = create(user, action, ids, snapshot, confirmedPaths, key, existing);
        } else {
            bulkId = existing.id();
        }
        return bulkId;
    }

    /**
     * Creates and starts an operation. With {@code retryOf} (an earlier identical operation that finished with
     * failures) only its failed items run again; its succeeded items are carried into the new operation as they
     * were, so the answer still covers every job and nothing that worked is done twice.
     */
    private synchronized long create(String user, BulkAction action, List<Long> ids, boolean snapshot,
                                     Map<Long, String> confirmedPaths, String key, BulkOperation retryOf) {
        // Re-checked under the lock: two identical requests (or retries) arriving together must not both run.
        BulkOperation again = duplicateOf(key);
        if (again == null) {
            retryOf = null; // what the earlier operation achieved has changed since: run everything
        } else if (retryOf == null || again.id() != retryOf.id() || !again.finished() || !anyFailed(again.id())) {
            return again.id();
        }
        Map<Long, BulkItem> succeeded = new HashMap<>();
        if (retryOf != null) {
            mapper.selectItems(retryOf.id()).stream().filter(i -> i.itemState() == ItemState.SUCCEEDED)
                    .forEach(i -> succeeded.put(i.jobId(), i));
        }
        BulkMapper.NewOperation op = new BulkMapper.NewOperation(action.name(), key, snapshot, ids.size(), user,
                server.id());
        mapper.insertOperation(op);
        for (long jobId : ids) {
            BulkItem done = succeeded.get(jobId);
            if (done != null) {
                mapper.insertDoneItem(op.id, jobId, done.jobName(), ItemState.SUCCEEDED.name(), done.taskId(),
                        CARRIED.matcher(String.valueOf(done.message())).replaceFirst("")
                                + " (in bulk operation " + retryOf.id() + "; not run again)",
                        done.messageKey(), done.messageArgs(), done.snapshotPath(), done.confirmedPath());
                continue;
            }
            String name = null;
            Text problem = null;
            try {
                StreamJob job = access.operableJob(user, jobId);
                name = job.name();
            } catch (StreamisException e) {
                problem = Text.of(e);
            }
            mapper.insertItem(op.id, jobId, name, problem == null ? ItemState.PENDING.name() : ItemState.FAILED.name(),
                    problem, confirmedPaths.get(jobId));
        }
        List<BulkItem> items = mapper.selectItems(op.id);
        if (items.stream().allMatch(i -> i.itemState().isDone()) && mapper.finish(op.id) == 1) {
            audit.finished(mapper.selectOperation(op.id), items);
        }
        for (BulkItem item : items) {
            if (!item.itemState().isDone()) {
                executor.submit(() -> run(op.id, action, snapshot, user, item));
            }
        }
        return op.id;
    }

    /**
     * The earlier identical request this one repeats: one still running, or one finished within the dedupe
     * window after which nothing happened to its jobs (a stop or start in between makes the repeat legitimate).
     */
    private boolean anyFailed(long bulkId) {
        return mapper.selectItems(bulkId).stream().anyMatch(i -> i.itemState() == ItemState.FAILED);
    }

    private BulkOperation duplicateOf(String key) {
        BulkOperation op = mapper.selectRecentByKey(key, LocalDateTime.now().minus(properties.dedupeWindow()));
        if (op == null || !op.finished()) {
            return op;
        }
        boolean execution = BulkAction.valueOf(op.action()) == BulkAction.EXECUTION;
        for (BulkItem item : mapper.selectItems(op.id())) {
            if (item.itemState() != ItemState.SUCCEEDED || item.taskId() == null) {
                continue;
            }
            StreamTask latest = tasks.selectLatest(item.jobId());
            boolean same = latest != null && latest.id() == item.taskId()
                    && (execution ? !latest.taskStatus().isTerminal() : latest.taskStatus().isTerminal());
            if (!same) {
                return null;
            }
        }
        return op;
    }

    private void run(long bulkId, BulkAction action, boolean snapshot, String user, BulkItem item) {
        mapper.updateItem(item.id(), ItemState.RUNNING.name(), null, (Text) null, null);
        try {
            if (action == BulkAction.EXECUTION) {
                StartOutcome o = starts.start(item.jobId(), user, item.confirmedPath(), StartCause.BULK);
                if (o.status() == TaskStatus.STARTING) {
                    // The start is an intent: the item follows its task (followDeployments) until the reconciler
                    // decided it, RUNNING or FAILED; it is not done yet.
                    mapper.updateItem(item.id(), ItemState.RUNNING.name(), o.taskId(), "deploying".equals(o.message())
                            ? Text.of("bulk.deploying", "deploying") : Text.of("bulk.starting", "starting"),
                            o.restoredFrom());
                } else {
                    mapper.updateItem(item.id(), ItemState.SUCCEEDED.name(), o.taskId(), running(o.restoredFrom()),
                            o.restoredFrom());
                }
            } else {
                StreamJob job = access.job(item.jobId());
                // The stop is an intent its reconciler settles. This worker keeps its place in the pool until then
                // (the future completes within the stop's answer timeout): the pool's size is what bounds the
                // savepoints a bulk stop has in flight on the clusters at once.
                StopService.StopOutcome o = outcome(stops.stop(job, snapshot, user));
                mapper.updateItem(item.id(), ItemState.SUCCEEDED.name(), o.taskId(),
                        o.wasRunning() ? Text.of("bulk.stopped", "stopped")
                                : Text.of("bulk.not-running", "was not running"), o.savepointPath());
            }
        } catch (RuntimeException e) {
            mapper.updateItem(item.id(), ItemState.FAILED.name(), null, Text.of(e), null);
        } finally {
            finishIfDone(bulkId);
        }
    }

    private static <T> T outcome(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private static Text running(String restoredFrom) {
        return restoredFrom == null ? Text.of("bulk.running-empty", "running (started without state)")
                : Text.of("bulk.running-restored", "running, restored from " + restoredFrom, restoredFrom);
    }

    /**
     * Settles the items of unfinished operations whose start is still in progress: succeeded once the task runs,
     * failed with the task's cause once it ended; a step back that continues the item's start is followed instead.
     * Driven by {@link BulkFollower}.
     */
    void followDeployments() {
        for (BulkMapper.Unfinished op : mapper.selectUnfinished()) {
            long bulkId = op.id();
            boolean changed = false;
            for (BulkItem i : mapper.selectItems(bulkId)) {
                StreamTask t = i.itemState() == ItemState.RUNNING && i.taskId() != null ? tasks.selectById(i.taskId())
                        : null;
                if (t == null) {
                    continue;
                }
                if (t.taskStatus() == TaskStatus.FAILED) {
                    StreamTask next = steppedBackTo(t);
                    if (next != null) {
                        // Flink refused the point and the reconciler started again from an older one: follow that.
                        mapper.updateItem(i.id(), ItemState.RUNNING.name(), next.id(),
                                Text.of("bulk.starting", "starting"), next.restoredFrom());
                        continue;
                    }
                }
                if (t.taskStatus() == TaskStatus.RUNNING) {
                    mapper.updateItem(i.id(), ItemState.SUCCEEDED.name(), t.id(), running(t.restoredFrom()),
                            t.restoredFrom());
                    changed = true;
                } else if (t.taskStatus().isTerminal()) {
                    mapper.updateItem(i.id(), ItemState.FAILED.name(), t.id(), didNotStart(t), t.restoredFrom());
                    changed = true;
                }
            }
            if (changed) {
                finishIfDone(bulkId);
            }
        }
    }

    /**
     * The run's error as the item's message; one that already says it did not start is not told twice ("did not
     * start: Did not start: …"): it stays whole and unkeyed, so it is localised as the start failure it is.
     */
    static Text didNotStart(StreamTask t) {
        String why = t.errDesc() == null ? t.taskStatus().text() : t.errDesc();
        return why.startsWith("Did not start") ? Text.plain(why)
                : Text.of("bulk.did-not-start", "did not start: " + why, why);
    }

    /**
     * The job's newer run when it continues {@code failed}'s start (a step back after a refused restore point,
     * linked by {@code step_back_of}, perhaps through step backs that failed at their launch), or null.
     */
    private StreamTask steppedBackTo(StreamTask failed) {
        StreamTask latest = tasks.selectLatest(failed.jobId());
        if (latest == null || latest.id() <= failed.id()) {
            return null;
        }
        StreamTask t = latest;
        for (int links = 0; t != null && t.stepBackOf() != null && links <= StartService.MAX_STEP_BACKS; links++) {
            if (t.stepBackOf() == failed.id()) {
                return latest;
            }
            t = tasks.selectById(t.stepBackOf());
        }
        return null;
    }

    private synchronized void finishIfDone(long bulkId) {
        List<BulkItem> items = mapper.selectItems(bulkId);
        if (items.stream().allMatch(i -> i.itemState().isDone()) && mapper.finish(bulkId) == 1) {
            audit.finished(mapper.selectOperation(bulkId), items);
        }
    }

    /** The operation, or null when there is none (never an error: for a check that polls it). */
    public BulkOperation find(long bulkId) {
        return mapper.selectOperation(bulkId);
    }

    public BulkOperation operation(long bulkId) {
        BulkOperation op = mapper.selectOperation(bulkId);
        if (op == null) {
            throw StreamisException.notFound("bulk.operation", "Bulk operation " + bulkId + " does not exist",
                    bulkId);
        }
        return op;
    }

    public List<BulkItem> items(long bulkId) {
        return mapper.selectItems(bulkId);
    }

    static String requestKey(String user, BulkAction action, List<Long> ids, boolean snapshot,
                             Map<Long, String> paths) {
        String raw = user + "|" + action + "|" + ids.stream().sorted().toList() + "|" + snapshot + "|"
                + new TreeMap<>(paths);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(raw.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
