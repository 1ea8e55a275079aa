package io.streamis.jobmanager.compat;

/** One row of the grouped status count: list status code and how many jobs have it. */
public record StatusCount(int status, long jobs) {
}
