package io.streamis.jobmanager.run;

import io.streamis.jobmanager.task.StreamTask;
import io.streamis.jobmanager.task.TaskMapper;

import io.streamis.common.error.StreamisException;
import io.streamis.common.job.TaskStatus;
import io.streamis.common.paging.PageRequest;
import io.streamis.common.rest.Message;
import io.streamis.common.security.LoginUser;
import io.streamis.jobmanager.access.AccessGuard;
import io.streamis.jobmanager.alert.AlertService;
import io.streamis.jobmanager.diagnosis.TaskDiagnosis;
import io.streamis.jobmanager.job.StreamJob;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Run queries: status, progress, history, error message, details, logs, snapshots and alerts. */
@RestController
@RequestMapping("/streamis/streamJobManager/job")
class RunController {

    private final TaskMapper tasks;
    private final AccessGuard access;
    private final RunViews views;
    private final RunDetails details;
    private final AlertService.AlertMapper alerts;
    private final SnapshotList snapshots;
    private final TaskDiagnosis diagnosis;

    RunController(TaskMapper tasks, AccessGuard access, RunViews views, RunDetails details,
                  AlertService.AlertMapper alerts, SnapshotList snapshots, TaskDiagnosis diagnosis) {
        this.snapshots = snapshots;
        this.diagnosis = diagnosis;
        this.tasks = tasks;
        this.access = access;
        this.views = views;
        this.details = details;
        this.alerts = alerts;
    }

    /** Status of the latest task of each job the caller may read (0.3.2 checked nothing here, §15 #6). */
    @PutMapping("/status")
    Message status(@LoginUser String user, @RequestBody Map<String, List<Long>> body) {
        List<Long> ids = body.get("id_list");
        if (ids == null || ids.isEmpty()) {
            throw StreamisException.validation("run.ids-empty", "id_list must list at least one job id");
        }
        access.readableJobs(user, ids);
        List<Map<String, Object>> result = new ArrayList<>();
        for (StreamTask t : tasks.selectLatestOf(ids)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("jobId", t.jobId());
            m.put("taskId", t.id());
            m.put("status", t.taskStatus().text());
            m.put("statusCode", t.status());
            m.put("message", views.error(t.errDesc()));
            result.add(m);
        }
        return Message.ok().data("result", result);
    }

    @GetMapping("/progress")
    Message progress(@LoginUser String user, @RequestParam long jobId, @RequestParam(required = false) String version) {
        access.readableJob(user, jobId);
        StreamTask t = version == null || version.isBlank() ? tasks.selectLatest(jobId)
                : tasks.selectByVersion(jobId, version, 0, 1).stream().findFirst().orElse(null);
        return Message.ok().data("taskId", t == null ? null : t.id())
                .data("progress", t == null ? TaskStatus.NOT_STARTED.code() : t.status());
    }

    @GetMapping("/execute/history")
    Message history(@LoginUser String user, @RequestParam long jobId, @RequestParam(required = false) String version,
                    @RequestParam(required = false) Integer pageNow, @RequestParam(required = false) Integer pageSize) {
        StreamJob job = access.readableJob(user, jobId);
        PageRequest page = PageRequest.of(pageNow, pageSize);
        List<StreamTask> rows;
        long total;
        if (version == null || version.isBlank()) {
            rows = tasks.selectRecent(jobId, page.offset() + page.pageSize()).stream().skip(page.offset()).toList();
            total = tasks.countByJob(jobId);
        } else {
            rows = tasks.selectByVersion(jobId, version, page.offset(), page.pageSize());
            total = tasks.countByVersion(jobId, version);
        }
        return Message.ok().data("details", rows.stream().map(t -> views.history(job, t)).toList())
                .data("totalPage", total);
    }

    /**
     * The latest task (0.3.x {@code errDesc}: the recorded error, the platform's own words in the reader's
     * language, Flink's as they are) plus {@code diagnosis}: what the failure catalogue makes of it (null when
     * nothing matched or the run did not fail).
     */
    @GetMapping("/execute/errorMsg")
    Message errorMsg(@LoginUser String user, @RequestParam long jobId) {
        access.readableJob(user, jobId);
        StreamTask t = tasks.selectLatest(jobId);
        if (t == null) {
            return Message.ok().data("details", null);
        }
        Map<String, Object> view = new LinkedHashMap<>(views.task(t));
        boolean failed = t.taskStatus() == TaskStatus.FAILED || (t.errDesc() != null && !t.errDesc().isBlank());
        view.put("diagnosis", failed ? diagnosis.of(t).orElse(null) : null);
        return Message.ok().data("details", view);
    }

    @GetMapping("/details")
    Message details(@LoginUser String user, @RequestParam long jobId, @RequestParam(required = false) String version) {
        access.readableJob(user, jobId);
        return Message.ok().data("details", views.localised(details.of(jobId, version)));
    }

    @GetMapping("/logs")
    Message logs(@LoginUser String user, @RequestParam(required = false) Long jobId,
                 @RequestParam(required = false) Long taskId, @RequestParam(required = false) String logType,
                 @RequestParam(required = false, defaultValue = "1") int fromLine,
                 @RequestParam(required = false, defaultValue = "100") int pageSize,
                 @RequestParam(required = false) String onlyKeywords,
                 @RequestParam(required = false) String ignoreKeywords,
                 @RequestParam(required = false, defaultValue = "0") int lastRows) {
        if (jobId == null) {
            throw StreamisException.validation("job-id-required", "jobId is required");
        }
        access.readableJob(user, jobId);
        return Message.ok().data("logs", views.localisedLog(details.logs(jobId, taskId, logType, fromLine, pageSize,
                onlyKeywords, ignoreKeywords, lastRows)));
    }

    /** The job's restore points, one row per path, newest first, a page at a time, each saying if it is usable. */
    @GetMapping("/snapshots")
    Message snapshots(@LoginUser String user, @RequestParam long jobId,
                      @RequestParam(required = false, defaultValue = "1") int pageNow,
                      @RequestParam(required = false, defaultValue = "200") int pageSize) {
        StreamJob job = access.readableJob(user, jobId);
        SnapshotList.Page page = snapshots.page(job, pageNow, pageSize);
        return Message.ok().data("snapshots", page.rows()).data("total", page.total());
    }

    @GetMapping("/alert")
    Message alert(@LoginUser String user, @RequestParam long jobId, @RequestParam(required = false) Integer pageNow,
                  @RequestParam(required = false) Integer pageSize) {
        access.readableJob(user, jobId);
        PageRequest page = PageRequest.of(pageNow, pageSize);
        return Message.ok().data("list", alerts.selectByJob(jobId, page.offset(), page.pageSize()))
                .data("totalPage", alerts.countByJob(jobId));
    }
}
