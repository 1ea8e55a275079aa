package io.streamis.jobmanager.monitor;

import io.streamis.common.job.TaskStatus;
import io.streamis.jobmanager.StreamisJobManagerProperties;
import io.streamis.jobmanager.job.JobMapper;
import io.streamis.jobmanager.job.StreamJob;
import io.streamis.jobmanager.lifecycle.JobInfo;
import io.streamis.jobmanager.lifecycle.JobInfoCodec;
import io.streamis.jobmanager.task.StreamTask;
import io.streamis.jobmanager.task.TaskMapper;
import io.streamis.launcher.cluster.FlinkClusters;
import io.streamis.launcher.launch.JobLauncher;
import io.streamis.launcher.state.StateLocations;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The embedded cluster dies with the server. Before it does (this bean is destroyed before the cluster it depends
 * on), every job running on it stops with a savepoint recorded as its run's restore point; the task stays RUNNING
 * so the next start of the server brings the job back from exactly that point (see {@link StartupRecovery}).
 */
@Component
public class ShutdownSavepoints implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(ShutdownSavepoints.class);

    private final TaskMapper tasks;
    private final JobMapper jobs;
    private final FlinkClusters clusters;
    private final JobLauncher launcher;
    private final StateLocations locations;
    private final JobInfoCodec codec;
    private final StreamisJobManagerProperties properties;

    public ShutdownSavepoints(TaskMapper tasks, JobMapper jobs, FlinkClusters clusters, JobLauncher launcher,
                              StateLocations locations, JobInfoCodec codec, StreamisJobManagerProperties properties) {
        this.tasks = tasks;
        this.jobs = jobs;
        this.clusters = clusters;
        this.launcher = launcher;
        this.locations = locations;
        this.codec = codec;
        this.properties = properties;
    }

    @Override
    public void destroy() {
        List<StreamTask> running = tasks.selectByStatuses(List.of(TaskStatus.RUNNING.code(),
                TaskStatus.WAIT_RESTART.code()));
        for (StreamTask t : running) {
            if (t.cluster() == null || t.flinkJobId() == null || !clusters.isEmbedded(t.cluster())) {
                continue;
            }
            try {
                StreamJob job = jobs.selectById(t.jobId());
                String path = launcher.stopWithSavepoint(t.cluster(), t.flinkJobId(),
                        locations.savepointDir(job.projectName(), job.name()).toString(),
                        properties.restart().shutdownSavepointTimeout());
                JobInfo info = codec.read(tasks.selectById(t.id())).withState(new JobInfo.State(path,
                        System.currentTimeMillis(), false, "SAVEPOINT", "stop", t.id(), null, t.version()));
                tasks.updateJobInfo(t.id(), codec.write(info));
                LOG.info("Job {} stopped with savepoint {} for the server shutdown", job.name(), path);
            } catch (RuntimeException e) {
                LOG.warn("No shutdown savepoint for task {} (it restarts from its newest checkpoint): {}", t.id(),
                        e.getMessage());
            }
        }
    }
}
