package io.streamis.launcher.launch;

/** What a launch produced. */
public record LaunchResult(String cluster, String flinkJobId, String jarId, String webUrl, String restoredFrom) {
}
