package io.streamis.launcher.launch;

import java.time.Duration;

/** Launches and stops jobs on the configured clusters. */
public interface JobLauncher {

    LaunchResult launch(LaunchSpec spec);

    /** Triggers a savepoint and waits for it; returns its location. */
    String savepoint(String cluster, String flinkJobId, String targetDirectory, Duration timeout);

    /** Stops with a savepoint and waits; returns the savepoint location. */
    String stopWithSavepoint(String cluster, String flinkJobId, String targetDirectory, Duration timeout);

    void cancel(String cluster, String flinkJobId);

    /** Frees what a finished run still holds (a per-job application is shut down); no-op on a session. */
    void release(String cluster, String flinkJobId);
}
