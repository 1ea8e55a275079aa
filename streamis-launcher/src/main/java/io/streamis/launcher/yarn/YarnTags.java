package io.streamis.launcher.yarn;

import io.streamis.launcher.launch.LaunchSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.yarn.api.records.ApplicationReport;

/**
 * How the platform finds its applications again without a lookup table: every application carries tags for the
 * platform, the job, its version and its Flink job id (YARN lowercases tags and limits them to 100 characters).
 * One RM query by {@link #PLATFORM} lists them all; a job's tag says whether it already has a live application.
 */
public final class YarnTags {

    public static final String PLATFORM = "streamis";
    private static final String JOB = "streamis-job-";
    private static final String FLINK_JOB = "streamis-flink-";
    private static final String VERSION = "streamis-version-";
    private static final String PROJECT = "streamis-project-";

    private YarnTags() {
    }

    public static List<String> of(LaunchSpec.Owner o) {
        List<String> tags = new ArrayList<>();
        tags.add(PLATFORM);
        tags.add(job(o.jobId()));
        tags.add(flinkJob(o.flinkJobId()));
        tags.add(clean(VERSION + o.version()));
        tags.add(clean(PROJECT + o.project()));
        return tags;
    }

    public static String job(long jobId) {
        return JOB + jobId;
    }

    /** The tag of the application that runs Flink job {@code flinkJobId}. */
    public static String flinkJob(String flinkJobId) {
        return FLINK_JOB + flinkJobId.toLowerCase(Locale.ROOT);
    }

    /** The application's name: project, job, version and job id, readable in the ResourceManager UI. */
    public static String applicationName(LaunchSpec.Owner o) {
        return "streamis." + o.project() + "." + o.job() + "." + o.version() + ".job-" + o.jobId();
    }

    /** The Flink job id an application runs, from its tag; null for applications that are not ours. */
    public static String flinkJobId(ApplicationReport r) {
        return r.getApplicationTags().stream().filter(t -> t.startsWith(FLINK_JOB))
                .map(t -> t.substring(FLINK_JOB.length())).findFirst().orElse(null);
    }

    private static String clean(String tag) {
        String t = tag.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "_");
        return t.length() > 100 ? t.substring(0, 100) : t;
    }
}
