package io.streamis.jobmanager.diagnosis;

import io.streamis.jobmanager.log.TaskLog;
import io.streamis.jobmanager.task.StreamTask;
import io.streamis.launcher.client.JobExceptions;
import io.streamis.launcher.client.LogExcerpt;
import io.streamis.launcher.cluster.FlinkClusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Explains a run's failure: the catalogue matched against, in order, the task's recorded error, Flink's
 * exceptions for the run (while its cluster still knows it), the failure lines of the JobManager log its ended
 * per-job cluster left (a YARN application's aggregated log: once the application is gone its Flink REST is
 * too, and YARN's own diagnostics only say the container exited) and the platform's launch log of the task.
 */
@Component
public class TaskDiagnosis {

    private static final int LOG_LINES = 1000;

    private final FailureCatalogue catalogue;
    private final TaskLog log;
    private final FlinkClusters clusters;

    public TaskDiagnosis(FailureCatalogue catalogue, TaskLog log, FlinkClusters clusters) {
        this.catalogue = catalogue;
        this.log = log;
        this.clusters = clusters;
    }

    public Optional<Diagnosis> of(StreamTask t) {
        List<FailureSource.Evidence> texts = new ArrayList<>();
        texts.add(FailureSource.RECORDED_ERROR.of(t.errDesc()));
        Optional<JobExceptions> exceptions = exceptions(t);
        exceptions.ifPresent(ex -> {
            texts.add(FailureSource.FLINK_EXCEPTION.of(ex.rootException()));
            if (ex.history() != null) {
                ex.history().forEach(e -> texts.add(FailureSource.FLINK_EXCEPTION.of(e.stacktrace())));
            }
        });
        if (exceptions.isEmpty()) {
            endedJobManagerLog(t).ifPresent(e -> texts.add(FailureSource.YARN_JOB_MANAGER_LOG.of(
                    String.join("\n", e.lines()), e.logPath())));
        }
        texts.add(FailureSource.LAUNCH_LOG.of(String.join("\n", log.read(t.id(), 1, LOG_LINES, null, null, 0)
                .logs())));
        return catalogue.diagnose(texts);
    }

    private Optional<JobExceptions> exceptions(StreamTask t) {
        if (!known(t)) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(clusters.get(t.cluster()).exceptions(t.flinkJobId()))
                    .filter(ex -> ex.rootException() != null || ex.history() != null && !ex.history().isEmpty());
        } catch (RuntimeException e) {
            return Optional.empty(); // the cluster forgot the run or is unreachable: the recorded error remains
        }
    }

    /** Only a per-job target answers (a session cluster's gateway has no ended deployments to read). */
    private Optional<LogExcerpt> endedJobManagerLog(StreamTask t) {
        if (!known(t)) {
            return Optional.empty();
        }
        try {
            return clusters.get(t.cluster()).endedJobManagerExcerpt(t.flinkJobId());
        } catch (RuntimeException e) {
            return Optional.empty(); // YARN or its log store not answering: the other sources remain
        }
    }

    private boolean known(StreamTask t) {
        return t.cluster() != null && t.flinkJobId() != null && clusters.names().contains(t.cluster());
    }
}
