package io.streamis.jobmanager.diagnosis;

import io.streamis.jobmanager.log.TaskLog;
import io.streamis.jobmanager.task.StreamTask;
import io.streamis.launcher.client.JobExceptions;
import io.streamis.launcher.cluster.FlinkClusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Explains a run's failure: the catalogue matched against, in order, the task's recorded error, Flink's
 * exceptions for the run (while its cluster still knows it) and the platform's launch log of the task.
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
        List<String> texts = new ArrayList<>();
        texts.add(t.errDesc());
        exceptions(t).ifPresent(ex -> {
            texts.add(ex.rootException());
            if (ex.history() != null) {
                ex.history().forEach(e -> texts.add(e.stacktrace()));
            }
        });
        texts.add(String.join("\n", log.read(t.id(), 1, LOG_LINES, null, null, 0).logs()));
        return catalogue.diagnose(texts);
    }

    private Optional<JobExceptions> exceptions(StreamTask t) {
        if (t.cluster() == null || t.flinkJobId() == null || !clusters.names().contains(t.cluster())) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(clusters.get(t.cluster()).exceptions(t.flinkJobId()));
        } catch (RuntimeException e) {
            return Optional.empty(); // the cluster forgot the run or is unreachable: the recorded error remains
        }
    }
}
