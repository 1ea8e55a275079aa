package io.streamis.jobmanager.monitor;

import io.streamis.jobmanager.task.StreamTask;
import io.streamis.launcher.client.JobOverview;

/**
 * One fact about one active task from one poll: what its cluster said about its Flink job.
 * {@code clusterReachable=false} means we learned nothing (never a reason to change status).
 * {@code refreshCheckpoint} says whether this cycle also reads the job's newest checkpoint (a per-job REST call,
 * so it is budgeted per cycle; the state directories are scanned at start anyway).
 */
public record Observation(StreamTask task, boolean clusterReachable, JobOverview overview,
                          boolean refreshCheckpoint) {
}
