package io.streamis.jobmanager.job;

/** Filters of the job list; null fields do not filter. {@code names} is an exact IN-list when set. */
public record JobQuery(String user, boolean admin, String projectName, String jobName, java.util.List<String> names,
                       Integer jobStatus, String jobCreator, String label, Boolean enable, String jobType,
                       int offset, int limit) {
}
