package io.streamis.launcher.yarn;

import io.streamis.launcher.launch.LaunchSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.yarn.api.records.ApplicationReport;

/**
 * How the platform finds its applications again without a lookup table: every application carries tags for the
 * platform, the installation, the job, its version and its Flink job id (YARN lowercases tags and limits them to
 * 100 characters). One RM query by {@link #PLATFORM} lists them all; a job's tag says whether it already has a live
 * application. Job ids repeat across installations, so an application counts as ours only when it carries this
 * installation's tag ({@link #ours}): two installations sharing one YARN neither reattach nor block each other's.
 */
public final class YarnTags {

    public static final String PLATFORM = "streamis";
    private static final String JOB = "streamis-job-";
    private static final String FLINK_JOB = "streamis-flink-";
    private static final String VERSION = "streamis-version-";
    private static final String PROJECT = "streamis-project-";
    private static final String INSTALLATION = "streamis-installation-";

    private YarnTags() {
    }

    /** The tags of a start's application; {@code installationTag} null leaves the installation out. */
    public static List<String> of(LaunchSpec.Owner o, String installationTag) {
        List<String> tags = new ArrayList<>();
        tags.add(PLATFORM);
        if (installationTag != null) {
            tags.add(installationTag);
        }
        tags.add(job(o.jobId()));
        tags.add(flinkJob(o.flinkJobId()));
        tags.add(clean(VERSION + o.version()));
        tags.add(clean(PROJECT + o.project()));
        return tags;
    }

    /** The tag of one installation's applications (all its nodes share the id); null without an id. */
    public static String installation(String installationId) {
        return installationId == null || installationId.isBlank() ? null : clean(INSTALLATION + installationId);
    }

    /**
     * Whether an application belongs to the installation tagged {@code installationTag}: it carries that tag, or no
     * installation tag at all. The latter were deployed before applications were tagged by installation and are
     * reattached as they always were (one may be another old installation's: the ambiguity ends with those runs).
     * Without an installation tag every application of the platform counts.
     */
    public static boolean ours(ApplicationReport r, String installationTag) {
        if (installationTag == null) {
            return true;
        }
        java.util.Set<String> tags = r.getApplicationTags();
        return tags.contains(installationTag) || tags.stream().noneMatch(t -> t.startsWith(INSTALLATION));
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
