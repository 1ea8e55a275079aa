package io.streamis.jobmanager.compat;

import java.util.List;

/**
 * {@code GET /project/core/target} → {@code taskCore} (behaviour §1.5): how many jobs of a project are in each list
 * status, with the 0.3.x key names. {@code lostNum} is ours (jobs that vanished from their cluster, status 10);
 * {@code notStartedNum} counts jobs that never ran.
 */
public record TaskCore(Long projectId, String projectName, long runningNum, long stoppedNum, long failureNum,
                       long startingNum, long stoppingNum, long slowTaskNum, long alertNum, long waitRestartNum,
                       long successNum, long lostNum, long notStartedNum, List<String> jobShutdownHooks) {

    public TaskCore {
        jobShutdownHooks = List.copyOf(jobShutdownHooks);
    }
}
