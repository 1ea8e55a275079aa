package io.streamis.launcher.yarn;

import io.streamis.common.error.ErrorCode;
import io.streamis.launcher.client.FlinkClusterException;
import io.streamis.launcher.client.LogPage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
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

    private final String cluster;
    private final YarnConnection yarn;

    AggregatedLogs(String cluster, YarnConnection yarn) {
        this.cluster = cluster;
        this.yarn = yarn;
    }

    LogPage page(String flinkJobId, String file, int fromLine, int pageSize, String only, String ignore) {
        ApplicationReport app = yarn.endedApplications(YarnTags.flinkJob(flinkJobId)).stream()
                .max(Comparator.comparingLong(ApplicationReport::getStartTime))
                .orElseThrow(() -> new FlinkClusterException(ErrorCode.FLINK_UNAVAILABLE, 404, "No YARN application"
                        + " of cluster '" + cluster + "' ran Flink job " + flinkJobId));
        String id = app.getApplicationId().toString();
        String text = read(app, file);
        if (text.isBlank()) {
            return new LogPage("yarn logs -applicationId " + id, List.of("Application " + id + " ended "
                    + app.getYarnApplicationState() + "; YARN holds no aggregated " + file + " for it (yet): log"
                    + " aggregation (yarn.log-aggregation-enable) must be on, and it runs once the application has"
                    + " ended."), 1);
        }
        return LogPage.of("yarn logs -applicationId " + id + " -log_files " + file, text, fromLine, pageSize, only,
                ignore);
    }

    private String read(ApplicationReport app, String file) {
        try {
            LogAggregationFileController controller = new LogAggregationFileControllerFactory(yarn.conf())
                    .getFileControllerForRead(app.getApplicationId(), app.getUser());
            ContainerLogsRequest request = new ContainerLogsRequest();
            request.setAppId(app.getApplicationId());
            request.setAppOwner(app.getUser());
            request.setAppFinished(true);
            request.setLogTypes(Set.of(file));
            request.setBytes(Long.MAX_VALUE);
            if (JOB_MANAGER.equals(file) && app.getCurrentApplicationAttemptId() != null) {
                // The JobManager runs in the application master's container.
                request.setContainerId(yarn.client().getApplicationAttemptReport(app.getCurrentApplicationAttemptId())
                        .getAMContainerId().toString());
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            controller.readAggregatedLogs(request, out);
            return out.toString(StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            // No aggregated logs at all (aggregation off, or not run yet) reads as "nothing aggregated".
            return "";
        } catch (Exception e) {
            throw yarn.unavailable("read the aggregated logs of " + app.getApplicationId(), e);
        }
    }
}
