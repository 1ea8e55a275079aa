package io.streamis.jobmanager.monitor;

import java.time.Duration;

/** A finished poll cycle: how long it took and how many runs it observed (published for the metrics). */
public record MonitorCycle(Duration took, int observed) {
}
