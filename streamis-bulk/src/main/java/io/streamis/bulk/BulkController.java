package io.streamis.bulk;

import io.streamis.common.error.StreamisException;
import io.streamis.common.error.Text;
import io.streamis.jobmanager.lifecycle.RunTexts;
import io.streamis.common.rest.Message;
import io.streamis.common.security.LoginUser;
import io.streamis.jobmanager.access.AccessGuard;
import io.streamis.jobmanager.operation.Completions;
import io.streamis.jobmanager.task.StreamTask;
import io.streamis.jobmanager.task.TaskMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * {@code /streamis/streamJobManager/job/bulk/*} (behaviour §1.3). Bodies accept the snake and camel names
 * ({@code bulk_sbj}/{@code bulkSubject}, {@code sbj_type}/{@code bulkSubjectType}); {@code snapshotPaths}
 * ({@code {"<jobId>": "<path>"}}) carries the restore points the user confirmed; {@code wait=false} answers at once.
 */
@RestController
@RequestMapping("/streamis/streamJobManager/job/bulk")
class BulkController {

    private final BulkService bulk;
    private final TaskMapper tasks;
    private final AccessGuard access;
    private final MessageSource messages;
    private final Completions completions;
    private final StreamisBulkProperties properties;

    BulkController(BulkService bulk, TaskMapper tasks, AccessGuard access, MessageSource messages,
                   Completions completions, StreamisBulkProperties properties) {
        this.completions = completions;
        this.properties = properties;
        this.messages = messages;
        this.bulk = bulk;
        this.tasks = tasks;
        this.access = access;
    }

    @PostMapping("/execution")
    DeferredResult<Message> execution(@LoginUser String user, @RequestBody Map<String, Object> body) {
        return submit(user, BulkAction.EXECUTION, body);
    }

    @PostMapping("/pause")
    DeferredResult<Message> pause(@LoginUser String user, @RequestBody Map<String, Object> body) {
        return submit(user, BulkAction.PAUSE, body);
    }

    @GetMapping("/{bulkId}")
    Message progress(@LoginUser String user, @PathVariable long bulkId) {
        BulkOperation op = bulk.operation(bulkId);
        if (!op.createBy().equals(user) && !access.isAdmin(user)) {
            throw StreamisException.noPermission("bulk.not-yours", "Bulk operation " + bulkId + " belongs to "
                    + op.createBy(), bulkId, op.createBy());
        }
        return Message.ok().dataAll(view(op, bulk.items(bulkId), messages));
    }

    /**
     * Answers with the operation once finished ({@code wait}, the default, bounded by {@code streamis.bulk.max-wait}
     * after which it answers with what is done so far) or at once; no thread waits for it meanwhile.
     */
    private DeferredResult<Message> submit(String user, BulkAction action, Map<String, Object> body) {
        List<Long> ids = ids(first(body, "bulk_sbj", "bulkSubject"));
        String type = String.valueOf(firstOr(body, "JOB", "sbj_type", "bulkSubjectType"));
        if ("TASK".equalsIgnoreCase(type)) {
            List<Long> jobIds = new ArrayList<>();
            for (long taskId : ids) {
                StreamTask t = tasks.selectById(taskId);
                if (t == null) {
                    throw StreamisException.notFound("task", "Task " + taskId + " does not exist", taskId);
                }
                jobIds.add(t.jobId());
            }
            ids = jobIds;
        } else if (!"JOB".equalsIgnoreCase(type)) {
            throw StreamisException.validation("bulk.subject-type", "sbj_type must be JOB or TASK");
        }
        boolean snapshot = Boolean.parseBoolean(String.valueOf(firstOr(body, false, "snapshot")));
        boolean wait = Boolean.parseBoolean(String.valueOf(firstOr(body, true, "wait")));
        Map<Long, String> paths = new HashMap<>();
        if (body.get("snapshotPaths") instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                if (v != null && !String.valueOf(v).isBlank()) {
                    paths.put(Long.valueOf(String.valueOf(k)), String.valueOf(v));
                }
            });
        }
        long bulkId = bulk.submit(user, action, ids, snapshot, paths);
        CompletableFuture<BulkOperation> outcome = wait
                ? completions.await(() -> Optional.ofNullable(bulk.find(bulkId)).filter(BulkOperation::finished),
                        properties.maxWait(), () -> bulk.operation(bulkId))
                : CompletableFuture.completedFuture(bulk.operation(bulkId));
        return Completions.answer(outcome, op -> Message.ok().dataAll(view(op, bulk.items(bulkId), messages)),
                properties.maxWait());
    }

    static Map<String, Object> view(BulkOperation op, List<BulkItem> items, MessageSource messages) {
        BulkAction action = BulkAction.valueOf(op.action());
        List<Map<String, Object>> ok = new ArrayList<>();
        List<Map<String, Object>> failed = new ArrayList<>();
        List<Map<String, Object>> pending = new ArrayList<>();
        List<Map<String, Object>> all = new ArrayList<>();
        for (BulkItem i : items) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("jobId", i.jobId());
            e.put("jobName", i.jobName());
            if (i.taskId() != null) {
                e.put("taskId", i.taskId());
            }
            e.put("scheduleId", action.scheduleId(i.jobId()));
            e.put("scheduleState", i.itemState().scheduleState());
            e.put("state", i.state());
            if (i.message() != null) {
                e.put("message", localise(i, messages));
            }
            if (i.snapshotPath() != null) {
                e.put("snapshotPath", i.snapshotPath());
            }
            all.add(e);
            switch (i.itemState()) {
                case SUCCEEDED -> ok.add(e);
                case FAILED -> failed.add(e);
                default -> pending.add(e);
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("Success", Map.of("data", ok, "count", ok.size()));
        result.put("Failed", Map.of("data", failed, "count", failed.size()));
        if (!pending.isEmpty()) {
            result.put("Pending", Map.of("data", pending, "count", pending.size()));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("bulkId", op.id());
        out.put("action", op.action());
        out.put("total", op.total());
        out.put("done", ok.size() + failed.size());
        out.put("finished", op.finished());
        out.put("result", result);
        out.put("items", all);
        return out;
    }

    private static Object first(Map<String, Object> body, String... keys) {
        for (String k : keys) {
            if (body.get(k) != null) {
                return body.get(k);
            }
        }
        return null;
    }

    private static Object firstOr(Map<String, Object> body, Object dflt, String... keys) {
        Object v = first(body, keys);
        return v == null ? dflt : v;
    }

    private static List<Long> ids(Object v) {
        if (!(v instanceof List<?> list) || list.isEmpty()) {
            throw StreamisException.validation("bulk.subject-not-list",
                    "bulk_sbj must be a non-empty JSON array of ids");
        }
        List<Long> out = new ArrayList<>();
        for (Object o : list) {
            try {
                out.add(o instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(o)));
            } catch (NumberFormatException e) {
                throw StreamisException.validation("bulk.subject-not-number",
                        "bulk_sbj holds a non-numeric id: " + o, o);
            }
        }
        return out;
    }

    private static final Pattern CARRIED = Pattern.compile(" \\(in bulk operation (\\d+); not run again\\)$");

    /**
     * The item's message in the caller's language; a carried item's note says which operation did it. A start's
     * failure the message names (did not start: ...) is said in that language too ({@link RunTexts#localise}).
     */
    private static String localise(BulkItem i, MessageSource messages) {
        Text text = i.text();
        Matcher carried = CARRIED.matcher(i.message());
        if (!carried.find() || text.key() == null) {
            return RunTexts.localise(text, messages);
        }
        String own = RunTexts.localise(new Text(text.key(), i.message().substring(0, carried.start()),
                text.args()), messages);
        return own + Text.of("bulk.carried", carried.group(), carried.group(1)).localise(messages);
    }
}
