package io.streamis.jobmanager.version;

import io.streamis.common.error.StreamisException;
import io.streamis.common.paging.Page;
import io.streamis.common.paging.PageRequest;
import io.streamis.jobmanager.job.JobMapper;
import io.streamis.jobmanager.job.StreamJob;
import io.streamis.jobmanager.task.StreamTask;
import io.streamis.jobmanager.task.TaskMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Version numbering and the "current version" rule. */
@Service
public class VersionService {

    private final VersionMapper versions;
    private final JobMapper jobs;
    private final TaskMapper tasks;
    private final VersionPins pins;

    public VersionService(VersionMapper versions, JobMapper jobs, TaskMapper tasks, VersionPins pins) {
        this.pins = pins;
        this.versions = versions;
        this.jobs = jobs;
        this.tasks = tasks;
    }

    /**
     * Publishes the next version of a job. Must run inside a transaction that holds the job's row lock
     * ({@link JobMapper#selectByIdForUpdate}), so concurrent publishes of one job are serialised and numbers never
     * repeat. The job's current version moves to it only when the job is not running.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public JobVersion publish(StreamJob lockedJob, String jobContentJson, String comment, String source,
                              String user) {
        jobs.bumpVersionSeq(lockedJob.id());
        int no = lockedJob.versionSeq() + 1;
        VersionMapper.NewVersion row = new VersionMapper.NewVersion(lockedJob.id(), JobVersion.format(no), no,
                source, jobContentJson, comment, user);
        versions.insert(row);
        if (!isRunning(lockedJob.id())) {
            jobs.updateCurrentVersion(lockedJob.id(), row.version);
        }
        return versions.selectById(row.id);
    }

    public boolean isRunning(long jobId) {
        StreamTask latest = tasks.selectLatest(jobId);
        return latest != null && !latest.taskStatus().isFinished();
    }

    public JobVersion latest(long jobId) {
        JobVersion v = versions.selectLatest(jobId);
        if (v == null) {
            throw StreamisException.notFound("version.none", "Job " + jobId + " has no version", jobId);
        }
        return v;
    }

    public JobVersion byId(long versionId) {
        return versions.selectById(versionId);
    }

    public JobVersion require(long jobId, String version) {
        JobVersion v = versions.selectByVersion(jobId, version);
        if (v == null) {
            throw StreamisException.notFound("version", "Job " + jobId + " has no version " + version, jobId,
                    version);
        }
        return v;
    }

    public Page<JobVersion> page(long jobId, PageRequest page) {
        return new Page<>(versions.selectPage(jobId, page.offset(), page.pageSize()), versions.count(jobId));
    }

    /**
     * Copies the file rows and project-file pins of one version to another (files are shared, not duplicated on
     * disk), so the derived version launches the same bytes.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void copyFiles(JobVersion from, JobVersion to, String user) {
        for (VersionFile f : versions.selectFiles(from.id())) {
            versions.insertFile(f.jobId(), to.id(), f.fileName(), to.version(), f.storePath(), f.storeType(),
                    f.md5(), f.size() == null ? 0 : f.size(), user);
        }
        pins.copy(from, to);
    }
}
