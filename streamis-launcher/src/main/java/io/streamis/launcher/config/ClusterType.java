package io.streamis.launcher.config;

import java.util.Arrays;
import java.util.List;

/**
 * The kinds of Flink target. A session exists before the job and runs many; a per-job application is deployed
 * by the start and lives and dies with the run.
 */
public enum ClusterType {
    EMBEDDED("embedded", false),
    STANDALONE("standalone", false),
    YARN_SESSION("yarn-session", false),
    YARN_APPLICATION("yarn-application", true);

    private final String configName;
    private final boolean perJob;

    ClusterType(String configName, boolean perJob) {
        this.configName = configName;
        this.perJob = perJob;
    }

    /** Deployed per start (resources per job apply); otherwise a shared session. */
    public boolean isPerJob() {
        return perJob;
    }

    public String configName() {
        return configName;
    }

    public static ClusterType of(String name) {
        return Arrays.stream(values()).filter(t -> t.configName.equalsIgnoreCase(name)).findFirst().orElse(null);
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(ClusterType::configName).toList();
    }
}
