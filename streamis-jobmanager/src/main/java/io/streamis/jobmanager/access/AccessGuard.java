package io.streamis.jobmanager.access;

import io.streamis.common.error.ErrorCode;
import io.streamis.common.error.StreamisException;
import io.streamis.config.ConfigKeys;
import io.streamis.config.value.JobConfigService;
import io.streamis.jobmanager.StreamisJobManagerProperties;
import io.streamis.jobmanager.job.JobMapper;
import io.streamis.jobmanager.job.StreamJob;
import io.streamis.jobmanager.project.Privilege;
import io.streamis.jobmanager.project.ProjectService;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The one place that decides who may do what. Read rule: owner OR listed in the job's {@code authority.visible}
 * OR ACCESS on the job's project. Write rule: owner OR EDIT; being listed as visible grants no write (it is a
 * read grant a job's editors hand out, and must not let those readers stop or reconfigure the job).
 * Admins ({@code streamis.jobmanager.admins}) may do everything.
 * Every job endpoint goes through here, including those 0.3.2 left open (§15 #6).
 */
@Component
public class AccessGuard {

    private final ProjectService projects;
    private final JobMapper jobs;
    private final JobConfigService config;
    private final StreamisJobManagerProperties properties;

    public AccessGuard(ProjectService projects, JobMapper jobs, JobConfigService config,
                       StreamisJobManagerProperties properties) {
        this.projects = projects;
        this.jobs = jobs;
        this.config = config;
        this.properties = properties;
    }

    public boolean isAdmin(String user) {
        return properties.admins().contains(user);
    }

    public boolean hasProjectPrivilege(String user, String project, Privilege required) {
        if (isAdmin(user)) {
            return true;
        }
        Set<Privilege> held = projects.privileges(project, user);
        return held.stream().anyMatch(p -> p.grants(required));
    }

    /** Requires the project to exist and the user to hold {@code required} on it. */
    public void requireProject(String user, String project, Privilege required) {
        if (project == null || project.isBlank()) {
            throw StreamisException.validation("project-required", "projectName is required");
        }
        projects.require(project);
        if (!hasProjectPrivilege(user, project, required)) {
            throw StreamisException.noPermission("project", "User " + user + " needs " + required
                    + " privilege on project " + project, user, required, project);
        }
    }

    /** Loads a job the user may read, or fails with not-found / no-permission. */
    public StreamJob readableJob(String user, long jobId) {
        StreamJob job = job(jobId);
        if (!isOwner(user, job) && !isVisibleTo(user, job)
                && !hasProjectPrivilege(user, job.projectName(), Privilege.ACCESS)) {
            throw noPermissionToView(user, job);
        }
        return job;
    }

    /** Loads a job the user may change, or fails. */
    public StreamJob writableJob(String user, long jobId) {
        StreamJob job = job(jobId);
        if (!isOwner(user, job) && !hasProjectPrivilege(user, job.projectName(), Privilege.EDIT)) {
            throw StreamisException.noPermission("operate-job", "User " + user + " has no permission to operate job "
                    + job.name() + " (needs to own it or EDIT on project " + job.projectName() + ")", user, job.name(),
                    job.projectName());
        }
        return job;
    }

    /**
     * The read rule for many jobs at once (the list page's status poll): one query for the jobs, one privilege
     * check per project rather than per job. Fails on the first job missing or not readable.
     */
    public List<StreamJob> readableJobs(String user, Collection<Long> jobIds) {
        Map<Long, StreamJob> found = new HashMap<>();
        jobs.selectByIds(Set.copyOf(jobIds)).forEach(j -> found.put(j.id(), j));
        Map<String, Boolean> projectAccess = new HashMap<>();
        List<StreamJob> out = new ArrayList<>();
        for (long id : jobIds) {
            StreamJob job = found.get(id);
            if (job == null) {
                throw jobNotFound(id);
            }
            if (!isOwner(user, job) && !projectAccess.computeIfAbsent(job.projectName(),
                    p -> hasProjectPrivilege(user, p, Privilege.ACCESS)) && !isVisibleTo(user, job)) {
                throw noPermissionToView(user, job);
            }
            out.add(job);
        }
        return out;
    }

    /** Like {@link #writableJob} and additionally requires the job to be enabled. */
    public StreamJob operableJob(String user, long jobId) {
        StreamJob job = writableJob(user, jobId);
        requireEnabled(job);
        return job;
    }

    public static void requireEnabled(StreamJob job) {
        if (!job.enable()) {
            throw new StreamisException(ErrorCode.JOB_DISABLED, "banned", "Job " + job.name()
                    + " has been banned, enable it first", job.name());
        }
    }

    public StreamJob job(long jobId) {
        StreamJob job = jobs.selectById(jobId);
        if (job == null) {
            throw jobNotFound(jobId);
        }
        return job;
    }

    private static StreamisException jobNotFound(long jobId) {
        return StreamisException.notFound("job", "Job " + jobId + " does not exist", jobId);
    }

    private static StreamisException noPermissionToView(String user, StreamJob job) {
        return StreamisException.noPermission("view-job", "User " + user + " has no permission to view job "
                + job.name() + " (needs to own it or ACCESS on project " + job.projectName() + ")", user, job.name(),
                job.projectName());
    }

    private boolean isOwner(String user, StreamJob job) {
        return isAdmin(user) || user.equals(job.createBy());
    }

    private boolean isVisibleTo(String user, StreamJob job) {
        return config.load(job.id()).get(ConfigKeys.AUTHORITY_VISIBLE)
                .map(v -> Arrays.stream(v.split(",")).map(String::trim).anyMatch(user::equals))
                .orElse(false);
    }
}
