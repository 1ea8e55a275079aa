package io.streamis.jobmanager.lifecycle;

import io.streamis.jobmanager.restore.RestorePoints;
import io.streamis.common.error.StreamisException;
import io.streamis.common.rest.Message;
import io.streamis.common.security.ChangesState;
import io.streamis.common.security.LoginUser;
import io.streamis.jobmanager.access.AccessGuard;
import io.streamis.jobmanager.job.StreamJob;
import io.streamis.jobmanager.operation.Completions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

/** Start, inspect, stop and savepoint: {@code /streamis/streamJobManager/job/*} (behaviour §1.2, §5). */
@RestController
@RequestMapping("/streamis/streamJobManager/job")
class LifecycleController {

    private final StartService starts;
    private final StopService stops;
    private final InspectionService inspections;
    private final AccessGuard access;
    private final RestorePoints points;

    LifecycleController(StartService starts, StopService stops, InspectionService inspections, AccessGuard access,
                        RestorePoints points) {
        this.points = points;
        this.starts = starts;
        this.stops = stops;
        this.inspections = inspections;
        this.access = access;
    }

    /**
     * Starts a job: answers once Flink accepted it (or refused it), with the task STARTING ({@code status} 8); the
     * reconciler then moves it to RUNNING or FAILED, which the list and detail pages follow (0.3.x answer shape:
     * {@code taskId, status, restoredFrom, flinkJobId}). Body {@code {"jobId": 1, "snapshotPath": "file:/..."}}; {@code snapshotPath}
     * is the restore point the user confirmed and takes priority over everything else. Optional
     * {@code "allowNonRestoredState": true} skips state of the restore point the (new) program has no operator
     * for; it is never implied, the user chooses it after a start failed with {@code RESTORE_INCOMPATIBLE}.
     */
    @PostMapping("/execute")
    Message execute(@LoginUser String user, @RequestBody Map<String, Object> body) {
        Object id = body.get("jobId");
        if (id == null) {
            throw StreamisException.validation("job-id-required", "jobId is required");
        }
        long jobId = id instanceof Number n ? n.longValue() : parse(String.valueOf(id));
        access.operableJob(user, jobId);
        Object path = body.get("snapshotPath");
        StartOutcome o = starts.start(jobId, user, path == null ? null : String.valueOf(path),
                flag(body.get("allowNonRestoredState")), StartCause.USER);
        return Message.ok("success").data("taskId", o.taskId()).data("status", o.status().code())
                .data("restoredFrom", o.restoredFrom()).data("flinkJobId", o.flinkJobId());
    }

    /** One id: the upstream map; several ids: one result per job under {@code results} (0.3.2 kept only the last). */
    @PutMapping("/execute/inspect")
    Message inspect(@LoginUser String user, @RequestParam("jobId") List<Long> jobIds) {
        if (jobIds.size() == 1) {
            return Message.ok().dataAll(inspections.inspect(user, jobIds.get(0)));
        }
        List<Map<String, Object>> results = new ArrayList<>();
        for (long jobId : jobIds) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("jobId", jobId);
            try {
                r.putAll(inspections.inspect(user, jobId));
            } catch (StreamisException e) {
                r.put("error", e.getMessage());
                r.put("inspections", List.of());
            }
            results.add(r);
        }
        return Message.ok().data("results", results);
    }

    /**
     * Answers once the stop is done, with the savepoint's path when one was taken (0.3.x: synchronous). The request
     * only persists the intent and asks Flink; the reconciler settles it, and the servlet thread is not held
     * meanwhile.
     */
    @ChangesState
    @GetMapping("/stop")
    DeferredResult<Message> stop(@LoginUser String user, @RequestParam long jobId,
                                 @RequestParam(required = false, defaultValue = "false") boolean snapshot) {
        StreamJob job = access.operableJob(user, jobId);
        return Completions.answer(stops.stop(job, snapshot, user), o -> {
            Message m = Message.ok("success");
            if (snapshot) {
                m.data("path", o.savepointPath() == null ? "No location" : o.savepointPath());
            }
            return m;
        }, stops.answerTimeout());
    }

    @PutMapping("/snapshot/{jobId}")
    DeferredResult<Message> snapshot(@LoginUser String user, @PathVariable long jobId) {
        StreamJob job = access.writableJob(user, jobId);
        return Completions.answer(stops.snapshot(job, user), path -> Message.ok().data("path", path),
                stops.answerTimeout());
    }

    /** Body of {@code POST /snapshots/clearRefused}. */
    record ClearRefusedRequest(Long jobId, String path) {
    }

    /** Lifts the "refused" mark from a restore point of the job: the planner may choose it again. */
    @PostMapping("/snapshots/clearRefused")
    Message clearRefused(@LoginUser String user, @RequestBody ClearRefusedRequest body) {
        if (body == null || body.jobId() == null) {
            throw StreamisException.validation("job-id-required", "jobId is required");
        }
        StreamJob job = access.writableJob(user, body.jobId());
        RestorePoints.Cleared c = points.clear(job, body.path(), user);
        return Message.ok("success").data("path", c.path());
    }

    private static boolean flag(Object value) {
        if (value == null || value instanceof Boolean) {
            return Boolean.TRUE.equals(value);
        }
        String s = String.valueOf(value).trim();
        if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(s);
        }
        throw StreamisException.validation("start.allow-non-restored",
                "allowNonRestoredState must be true or false");
    }

    private static long parse(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw StreamisException.validation("not-a-number", "jobId must be a number", "jobId");
        }
    }
}
