package io.streamis.launcher.launch;

import java.time.Duration;

/** Launches and stops jobs on the configured clusters. */
public interface JobLauncher {

    LaunchResult launch(LaunchSpec spec);

    /**
     * Stops with a savepoint and waits; returns the savepoint location. Only for the server's own shutdown: a
     * user's stop is an intent the reconciler follows, without a waiting thread.
     */
    String stopWithSavepoint(String cluster, String flinkJobId, String targetDirectory, Duration timeout);

    void cancel(String cluster, String flinkJobId);

    /** Frees what a finished run still holds (a per-job application is shut down); no-op on a session. */
    void release(String cluster, String flinkJobId);
}
