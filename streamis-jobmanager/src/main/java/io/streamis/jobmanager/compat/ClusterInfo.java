package io.streamis.jobmanager.compat;

/** {@code /highAvailable/getHAMsg}: this deployment's name, host and whether it is the manager cluster. */
public record ClusterInfo(String clusterName, String clusterIp, boolean whetherManager) {
}
