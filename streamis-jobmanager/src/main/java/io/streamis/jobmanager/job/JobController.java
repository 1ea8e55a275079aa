package io.streamis.jobmanager.job;

import io.streamis.common.error.StreamisException;
import io.streamis.common.paging.Page;
import io.streamis.common.paging.PageRequest;
import io.streamis.common.rest.Message;
import io.streamis.common.security.LoginUser;
import io.streamis.jobmanager.access.AccessGuard;
import io.streamis.jobmanager.version.JobVersion;
import io.streamis.jobmanager.version.VersionService;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Job queries and edits: {@code /streamis/streamJobManager/job/*} (behaviour §1.2). */
@RestController
@RequestMapping("/streamis/streamJobManager/job")
class JobController {

    private final JobService jobs;
    private final VersionService versions;
    private final AccessGuard access;
    private final JobViews views;

    JobController(JobService jobs, VersionService versions, AccessGuard access, JobViews views) {
        this.jobs = jobs;
        this.versions = versions;
        this.access = access;
        this.views = views;
    }

    @GetMapping("/list")
    Message list(@LoginUser String user, @RequestParam(required = false) String projectName,
                 @RequestParam(required = false) Integer pageNow, @RequestParam(required = false) Integer pageSize,
                 @RequestParam(required = false) String jobName, @RequestParam(required = false) Integer jobStatus,
                 @RequestParam(required = false) String jobCreator, @RequestParam(required = false) String label,
                 @RequestParam(required = false) Boolean enable, @RequestParam(required = false) String jobType) {
        Page<JobListRow> page = jobs.list(user, projectName, jobName, jobStatus, jobCreator, label, enable, jobType,
                PageRequest.of(pageNow, pageSize));
        return Message.ok().data("tasks", page.rows()).data("totalPage", page.total());
    }

    @GetMapping("/jobInfo")
    Message jobInfo(@LoginUser String user, @RequestParam long jobId) {
        StreamJob job = access.readableJob(user, jobId);
        return Message.ok().data("jobInfo", views.jobInfo(job, jobs.status(jobId)));
    }

    @GetMapping("/{jobId}/versions")
    Message versions(@LoginUser String user, @PathVariable long jobId,
                     @RequestParam(required = false) Integer pageNow,
                     @RequestParam(required = false) Integer pageSize) {
        StreamJob job = access.readableJob(user, jobId);
        Page<Map<String, Object>> page = versions.page(jobId, PageRequest.of(pageNow, pageSize))
                .map(v -> views.version(job, v));
        return Message.ok().data("versions", page.rows()).data("totalPage", page.total());
    }

    @GetMapping("/version")
    Message version(@LoginUser String user, @RequestParam(required = false) Long jobId,
                    @RequestParam(required = false) String version) {
        if (jobId == null || version == null || version.isBlank()) {
            throw StreamisException.validation("job.version-params", "jobId and version are both required");
        }
        StreamJob job = access.readableJob(user, jobId);
        return Message.ok().data("detail", views.version(job, versions.require(jobId, version)));
    }

    @GetMapping("/jobContent")
    Message jobContent(@LoginUser String user, @RequestParam long jobId,
                       @RequestParam(required = false) String version) {
        StreamJob job = access.readableJob(user, jobId);
        JobVersion v = version == null || version.isBlank() ? versions.latest(jobId) : versions.require(jobId, version);
        return Message.ok().data("jobContent", views.content(job, v)).data("editEnable", views.editEnable());
    }

    @PostMapping("/updateContent")
    Message updateContent(@LoginUser String user, @RequestBody Map<String, Object> body) {
        long jobId = JobService.toLong(body.get("jobId"), "jobId");
        Object args = body.get("args");
        if (!(args instanceof List<?> list) || list.stream().anyMatch(a -> !(a instanceof String))) {
            throw StreamisException.validation("job.args-not-list", "args must be a JSON array of strings");
        }
        JobVersion v = jobs.updateArgs(user, jobId, list.stream().map(String.class::cast).toList());
        return Message.ok().data("jobContent", views.content(access.job(jobId), v)).data("version", v.version());
    }

    @PostMapping("/updateLabel")
    Message updateLabel(@LoginUser String user, @RequestBody Map<String, List<Map<String, Object>>> body) {
        jobs.updateLabels(user, body.get("tasks"));
        return Message.ok("success");
    }

    @PostMapping("/ban")
    Message ban(@LoginUser String user, @RequestBody List<Long> ids) {
        jobs.ban(user, ids);
        return Message.ok("success");
    }

    @PostMapping("/enable")
    Message enable(@LoginUser String user, @RequestBody List<Long> ids) {
        jobs.enable(user, ids);
        return Message.ok("success");
    }
}
