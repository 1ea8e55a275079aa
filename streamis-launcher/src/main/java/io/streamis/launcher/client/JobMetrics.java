package io.streamis.launcher.client;

import java.util.List;

/** Per-vertex records and rates of a running job. */
public record JobMetrics(String jobId, String name, String state, List<Vertex> vertices) {

    /** One vertex (operator chain). */
    public record Vertex(String id, String name, int parallelism, String status, long recordsIn, long recordsOut,
                         double recordsInPerSecond, double recordsOutPerSecond) {
    }
}
