package io.streamis.launcher.client;

/** {@code GET /overview}. */
public record ClusterOverview(String flinkVersion, int taskManagers, int slotsTotal, int slotsAvailable,
                              int jobsRunning) {
}
