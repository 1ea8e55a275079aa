package io.streamis.launcher.client;

/** One entry of {@code /jobs/overview}. */
public record JobOverview(String jobId, String name, FlinkJobState state, long startTime, long endTime, int tasksTotal,
                          int tasksRunning, int tasksFinished) {

    /**
     * flink-notes P13: {@code state=RUNNING} alone can mean "waiting for slots"; every task must run. Tasks that
     * already finished (a bounded source inside a streaming job) do not hold the job back.
     */
    public boolean allTasksRunning() {
        return state == FlinkJobState.RUNNING && tasksRunning > 0 && tasksRunning + tasksFinished == tasksTotal;
    }
}
