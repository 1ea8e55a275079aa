package io.streamis.jobmanager.lifecycle;

import io.streamis.jobmanager.StreamisJobManagerProperties;
import io.streamis.launcher.client.FlinkJobState;
import io.streamis.launcher.client.JobOverview;
import io.streamis.launcher.cluster.FlinkClusters;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import org.springframework.stereotype.Component;

/** Polls the cluster's job overview until a freshly launched job has all its tasks running, or gives up. */
@Component
public class RunningWaiter {

    // Starts fast (a warm cluster runs a job within a few hundred ms) and backs off for slow starts.
    private static final long FIRST_POLL_NANOS = Duration.ofMillis(10).toNanos();
    private static final long MAX_POLL_NANOS = Duration.ofMillis(250).toNanos();

    /** running, or why not (and whether the Flink job must be cancelled because it hangs without slots). */
    public record Result(boolean running, String message, boolean cancelNeeded) {
    }

    private final FlinkClusters clusters;
    private final StreamisJobManagerProperties properties;

    public RunningWaiter(FlinkClusters clusters, StreamisJobManagerProperties properties) {
        this.clusters = clusters;
        this.properties = properties;
    }

    private String rootCause(String cluster, String flinkJobId) {
        try {
            String root = clusters.get(cluster).exceptions(flinkJobId).rootException();
            if (root == null) {
                return "";
            }
            String cause = root.lines().filter(l -> l.trim().startsWith("Caused by:")).reduce((a, b) -> b)
                    .orElse(root.lines().findFirst().orElse(""));
            return ": " + cause.trim();
        } catch (RuntimeException e) {
            return "";
        }
    }

    public Result await(String cluster, String flinkJobId) {
        long deadline = System.nanoTime() + properties.operationTimeout().toNanos();
        JobOverview last = null;
        long pause = FIRST_POLL_NANOS;
        while (System.nanoTime() < deadline) {
            last = clusters.get(cluster).jobsOverview().get(flinkJobId);
            if (last != null) {
                if (last.state() == FlinkJobState.RUNNING && last.allTasksRunning()) {
                    return new Result(true, null, false);
                }
                if (last.state().isGloballyTerminal()) {
                    return new Result(false, "Flink reports the job " + last.state() + rootCause(cluster, flinkJobId),
                            false);
                }
            }
            LockSupport.parkNanos(pause);
            pause = Math.min(MAX_POLL_NANOS, pause * 2);
        }
        String tasks = last == null ? "job not listed by the cluster"
                : "state " + last.state() + ", tasks running " + last.tasksRunning() + "/" + last.tasksTotal()
                + " (not enough free slots?)";
        return new Result(false, "not all tasks running within " + properties.operationTimeout().toSeconds()
                + " s: " + tasks, last != null);
    }
}
