package io.streamis.launcher.yarn;

import io.streamis.common.error.ErrorCode;
import io.streamis.common.error.Text;
import io.streamis.launcher.client.FailureLines;
import io.streamis.launcher.client.FlinkClusterException;
import io.streamis.launcher.client.LogExcerpt;
import io.streamis.launcher.client.LogPage;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.LogAggregationStatus;
import org.apache.hadoop.yarn.logaggregation.ContainerLogsRequest;
import org.apache.hadoop.yarn.logaggregation.filecontroller.LogAggregationFileController;
import org.apache.hadoop.yarn.logaggregation.filecontroller.LogAggregationFileControllerFactory;

/**
 * The container logs of an application that has ended, as the NodeManagers aggregated them to the remote log
 * directory (what {@code yarn logs -applicationId} prints): the JobManager's from the application master's
 * container, the TaskManagers' from the others. A running application's logs come from its Flink REST instead.
 */
final class AggregatedLogs {

    static final String JOB_MANAGER = "jobmanager.log";
    static final String TASK_MANAGER = "taskmanager.log";
    /** A failure excerpt reads only this much of the log's end: the cause is where the JobManager stopped. */
    static final int EXCERPT_TAIL_BYTES = 512 * 1024;
    static final int EXCERPT_LINES = 80;
    static final int EXCERPT_LINE_CHARS = 1000;
    private static final int EXCERPTS_KEPT = 128;
    /** Aggregation states after which the aggregated logs no longer change. */
    private static final Set<LogAggregationStatus> SETTLED = EnumSet.of(LogAggregationStatus.SUCCEEDED,
            LogAggregationStatus.FAILED, LogAggregationStatus.TIME_OUT, LogAggregationStatus.DISABLED);

    private final String cluster;
    private final YarnConnection yarn;
    /** Excerpts of applications whose aggregation has settled, by Flink job id (they never change again). */
    private final Map<String, LogExcerpt> settled = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, LogExcerpt> eldest) {
                    return size() > EXCERPTS_KEPT;
                }
            });

    AggregatedLogs(String cluster, YarnConnection yarn) {
        this.cluster = cluster;
        this.yarn = yarn;
    }

    LogPage page(String flinkJobId, String file, int fromLine, int pageSize, String only, String ignore) {
        ApplicationReport app = newest(flinkJobId)
                .orElseThrow(() -> new FlinkClusterException(ErrorCode.FLINK_UNAVAILABLE, 404, "No YARN application"
                        + " of cluster '" + cluster + "' ran Flink job " + flinkJobId));
        String id = app.getApplicationId().toString();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        read(app, file, Long.MAX_VALUE, out);
        String text = out.toString(StandardCharsets.UTF_8);
        if (text.isBlank()) {
            return LogPage.notice("yarn logs -applicationId " + id, Text.of("log.not-aggregated", "Application "
                    + id + " ended " + app.getYarnApplicationState() + "; YARN holds no aggregated " + file
                    + " for it (yet): log aggregation (yarn.log-aggregation-enable) must be on, and it runs once the"
                    + " application has ended.", id, app.getYarnApplicationState(), file));
        }
        return LogPage.of("yarn logs -applicationId " + id + " -log_files " + file, text, fromLine, pageSize, only,
                ignore);
    }

    /** An excerpt cached earlier: the application had ended and its aggregation settled. Null if none. */
    LogExcerpt settledExcerpt(String flinkJobId) {
        return settled.get(flinkJobId);
    }

    /**
     * The lines of the ended application's JobManager log that can explain a failure ({@link FailureLines}), read
     * from the last {@link #EXCERPT_TAIL_BYTES} only. Empty when no application of the job ended; an excerpt with
     * no lines when nothing is aggregated (yet). Kept once YARN's aggregation has settled.
     */
    Optional<LogExcerpt> jobManagerExcerpt(String flinkJobId) {
        LogExcerpt known = settled.get(flinkJobId);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<ApplicationReport> app = newest(flinkJobId);
        if (app.isEmpty()) {
            return Optional.empty();
        }
        FailureLines lines = new FailureLines(EXCERPT_LINES, EXCERPT_LINE_CHARS);
        read(app.get(), JOB_MANAGER, -EXCERPT_TAIL_BYTES, lines);
        lines.close();
        LogExcerpt excerpt = new LogExcerpt("yarn logs -applicationId " + app.get().getApplicationId()
                + " -log_files " + JOB_MANAGER, lines.lines());
        if (SETTLED.contains(app.get().getLogAggregationStatus())) {
            settled.put(flinkJobId, excerpt);
        }
        return Optional.of(excerpt);
    }

    private Optional<ApplicationReport> newest(String flinkJobId) {
        return yarn.endedApplications(YarnTags.flinkJob(flinkJobId)).stream()
                .max(Comparator.comparingLong(ApplicationReport::getStartTime));
    }

    /** Writes {@code file}'s aggregated log to {@code out}: {@code bytes} from its start, or its end if negative. */
    private void read(ApplicationReport app, String file, long bytes, OutputStream out) {
        try {
            LogAggregationFileController controller = new LogAggregationFileControllerFactory(yarn.conf())
                    .getFileControllerForRead(app.getApplicationId(), app.getUser());
            ContainerLogsRequest request = new ContainerLogsRequest();
            request.setAppId(app.getApplicationId());
            request.setAppOwner(app.getUser());
            request.setAppFinished(true);
            request.setLogTypes(Set.of(file));
            request.setBytes(bytes);
            if (JOB_MANAGER.equals(file) && app.getCurrentApplicationAttemptId() != null) {
                // The JobManager runs in the application master's container.
                request.setContainerId(yarn.client().getApplicationAttemptReport(app.getCurrentApplicationAttemptId())
                        .getAMContainerId().toString());
            }
            controller.readAggregatedLogs(request, out);
        } catch (java.io.IOException e) {
            // No aggregated logs at all (aggregation off, or not run yet) reads as "nothing aggregated".
        } catch (Exception e) {
            throw yarn.unavailable("read the aggregated logs of " + app.getApplicationId(), e);
        }
    }
}
