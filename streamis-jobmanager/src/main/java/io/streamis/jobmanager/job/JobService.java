package io.streamis.jobmanager.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamis.common.error.StreamisException;
import io.streamis.common.paging.Page;
import io.streamis.common.paging.PageRequest;
import io.streamis.jobmanager.StreamisJobManagerProperties;
import io.streamis.jobmanager.access.AccessGuard;
import io.streamis.jobmanager.task.StreamTask;
import io.streamis.jobmanager.task.TaskMapper;
import io.streamis.jobmanager.upload.JobContents;
import io.streamis.jobmanager.version.JobVersion;
import io.streamis.jobmanager.version.VersionService;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Job queries and the small job-level edits (labels, ban/enable, args). */
@Service
public class JobService {

    static final Pattern NAME_FILTER = Pattern.compile("^[A-Za-z0-9_,.\\-]+$");
    static final Pattern LABEL = Pattern.compile("^[A-Za-z0-9_,.]{1,64}$");
    private static final int MAX_BULK = 100;

    private final JobMapper jobs;
    private final TaskMapper tasks;
    private final VersionService versions;
    private final AccessGuard access;
    private final StreamisJobManagerProperties properties;
    private final ObjectMapper json;

    public JobService(JobMapper jobs, TaskMapper tasks, VersionService versions, AccessGuard access,
                      StreamisJobManagerProperties properties, ObjectMapper json) {
        this.jobs = jobs;
        this.tasks = tasks;
        this.versions = versions;
        this.access = access;
        this.properties = properties;
        this.json = json;
    }

    /** The job list of a project (only for users holding a privilege on it). */
    public Page<JobListRow> list(String user, String projectName, String jobName, Integer jobStatus,
                                 String jobCreator, String label, Boolean enable, String jobType, PageRequest page) {
        if (projectName == null || projectName.isBlank()) {
            throw StreamisException.validation("project-required", "projectName is required");
        }
        List<String> names = null;
        String like = null;
        if (jobName != null && !jobName.isBlank()) {
            if (jobName.length() > 2000 || !NAME_FILTER.matcher(jobName).matches()) {
                throw StreamisException.validation("job.name-filter", "jobName filter must match ^[A-Za-z0-9_,.-]+$");
            }
            if (jobName.contains(",")) {
                names = Arrays.stream(jobName.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
            } else {
                like = escapeLike(jobName);
            }
        }
        JobQuery q = new JobQuery(user, access.isAdmin(user), projectName, like, names, jobStatus, jobCreator,
                label == null || label.isBlank() ? null : escapeLike(label), enable,
                jobType == null || jobType.isBlank() ? null : jobType, page.offset(), page.pageSize());
        List<JobListRow> rows = jobs.selectList(q);
        // A page that is not full ends the list, so it tells the total: a filter matching a few jobs (a name
        // searched for) costs one index walk instead of two.
        boolean last = rows.size() < q.limit() && (!rows.isEmpty() || q.offset() == 0);
        return new Page<>(rows, last ? q.offset() + rows.size() : jobs.countList(q));
    }

    static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** Status of the latest task, 0 when never started. */
    public int status(long jobId) {
        StreamTask t = tasks.selectLatest(jobId);
        return t == null ? 0 : t.status();
    }

    @Transactional
    public void updateLabels(String user, List<Map<String, Object>> items) {
        if (items == null || items.isEmpty()) {
            throw StreamisException.validation("job.labels-empty", "tasks must list at least one {id, label}");
        }
        List<Object[]> checked = new ArrayList<>();
        for (Map<String, Object> item : items) {
            long id = toLong(item.get("id"), "id");
            String label = item.get("label") == null ? "" : String.valueOf(item.get("label")).trim();
            StreamJob job = access.operableJob(user, id);
            if (!label.isEmpty() && !LABEL.matcher(label).matches()) {
                throw StreamisException.validation("job.label", "Label '" + label + "' of job " + job.name()
                        + " must match ^[A-Za-z0-9_,.]{1,64}$", label, job.name());
            }
            checked.add(new Object[]{id, label});
        }
        checked.forEach(c -> jobs.updateLabel((Long) c[0], (String) c[1]));
    }

    /** Disables jobs; all-or-nothing, and only jobs that are not running. */
    @Transactional
    public void ban(String user, List<Long> ids) {
        checkBulk(ids);
        for (long id : ids) {
            StreamJob job = access.writableJob(user, id);
            AccessGuard.requireEnabled(job);
            StreamTask t = tasks.selectLatest(id);
            if (t != null && !t.taskStatus().isFinished()) {
                throw StreamisException.illegalState("ban-active", "Job " + job.name() + " is "
                        + t.taskStatus().text() + "; stop it before disabling it", job.name());
            }
        }
        ids.forEach(id -> jobs.updateEnable(id, false));
    }

    @Transactional
    public void enable(String user, List<Long> ids) {
        checkBulk(ids);
        for (long id : ids) {
            StreamJob job = access.writableJob(user, id);
            if (job.enable()) {
                throw StreamisException.illegalState("already-enabled", "Job " + job.name() + " is already enabled",
                        job.name());
            }
        }
        ids.forEach(id -> jobs.updateEnable(id, true));
    }

    /** Publishes a new version whose content is the latest one with {@code args} replaced. */
    @Transactional
    public JobVersion updateArgs(String user, long jobId, List<String> args) {
        if (!properties.contentEditEnable()) {
            throw StreamisException.illegalState("job.args-edit-disabled",
                    "Editing args is disabled (streamis.jobmanager.content-edit-enable)");
        }
        access.operableJob(user, jobId);
        StreamJob job = jobs.selectByIdForUpdate(jobId);
        if (!JobContents.FLINK_JAR.equals(job.jobType())) {
            throw StreamisException.validation("job.args-not-jar", "Only flink.jar jobs have args");
        }
        if (args.toString().length() > properties.argsMaxLength()) {
            throw StreamisException.validation("job.args-too-long", "args are longer than " + properties.argsMaxLength()
                    + " characters", properties.argsMaxLength());
        }
        JobVersion latest = versions.latest(jobId);
        Map<String, Object> content = readContent(latest);
        content.put("args", args);
        try {
            JobVersion v = versions.publish(job, json.writeValueAsString(content), "用户" + user + "修改args",
                    "update args", user);
            versions.copyFiles(latest, v, user);
            return v;
        } catch (JsonProcessingException e) {
            throw StreamisException.validation("job.args-not-serialisable", "args cannot be serialised");
        }
    }

    public Map<String, Object> readContent(JobVersion version) {
        try {
            return json.readValue(version.jobContent(), Map.class);
        } catch (JsonProcessingException e) {
            throw StreamisException.illegalState("version.unreadable", "Version " + version.version()
                    + " has unreadable content", version.version());
        }
    }

    /** JSON of a value with the platform's mapper (snapshots such as {@code job_start_config}). */
    public String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Value cannot be serialised", e);
        }
    }

    private static void checkBulk(List<Long> ids) {
        if (ids == null || ids.isEmpty() || ids.size() > MAX_BULK) {
            throw StreamisException.validation("job.ids-count", "Give between 1 and " + MAX_BULK + " job ids",
                    MAX_BULK);
        }
    }

    static long toLong(Object v, String name) {
        if (v instanceof Number n) {
            return n.longValue();
        }
        try {
            return Long.parseLong(String.valueOf(v));
        } catch (NumberFormatException e) {
            throw StreamisException.validation("not-a-number", name + " must be a number", name);
        }
    }
}
