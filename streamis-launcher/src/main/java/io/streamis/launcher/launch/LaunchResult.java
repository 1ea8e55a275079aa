package io.streamis.launcher.launch;

/**
 * What a launch produced.
 *
 * @param applicationId the YARN application of a per-job deployment; null on a session cluster
 */
public record LaunchResult(String cluster, String flinkJobId, String jarId, String webUrl, String restoredFrom,
                           String applicationId) {

    public LaunchResult(String cluster, String flinkJobId, String jarId, String webUrl, String restoredFrom) {
        this(cluster, flinkJobId, jarId, webUrl, restoredFrom, null);
    }
}
