package io.streamis.launcher.client;

/** One entry of {@code /jobs/overview}. */
public record JobOverview(String jobId, String name, FlinkJobState state, long startTime, long endTime, int tasksTotal,
                          int tasksRunning) {

    /** flink-notes P13: {@code state=RUNNING} alone can mean "waiting for slots"; all tasks must run. */
    public boolean allTasksRunning() {
        return state == FlinkJobState.RUNNING && tasksTotal > 0 && tasksRunning == tasksTotal;
    }
}
