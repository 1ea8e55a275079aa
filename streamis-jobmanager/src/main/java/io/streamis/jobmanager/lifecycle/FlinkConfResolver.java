package io.streamis.jobmanager.lifecycle;

import io.streamis.config.ConfigKeys;
import io.streamis.launcher.launch.FlinkConfigMapper;
import io.streamis.launcher.launch.MappedConfig;
import io.streamis.launcher.state.StateLocations;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The Flink configuration a run gets from a job config (docs/meta-json.md, "Precedence"). For every Flink key:
 * the platform group's key if set (produce group {@code wds.linkis.flink.checkpoint.*}, resource group parallelism),
 * else the key written explicitly in the custom Flink group, else the platform default. The state directories are
 * the platform's own (restore points are found there) and are never taken from the custom group.
 */
@Component
public class FlinkConfResolver {

    static final String CHECKPOINTING = "execution.checkpointing.";
    static final String CHECKPOINT_PREFIX = "wds.linkis.flink.checkpoint.";
    static final Set<String> PLATFORM_OWNED = Set.of("execution.checkpointing.dir",
            "execution.checkpointing.savepoint-dir");

    /** The mapped config with the precedence applied, and what the launcher needs besides. */
    public record Resolved(MappedConfig mapped, Map<String, String> flinkConfiguration) {
    }

    private final StateLocations locations;

    public FlinkConfResolver(StateLocations locations) {
        this.locations = locations;
    }

    /**
     * @param cluster the cluster the run goes to (its state root holds the job's dirs)
     * @param perJob  the cluster deploys per job, so the resource group's memory, slots, vcores and queue apply
     */
    public Resolved resolve(String cluster, boolean perJob, String projectName, String jobName,
                            Map<String, Map<String, String>> groups) {
        MappedConfig mapped = FlinkConfigMapper.map(groups, locations.checkpointDir(cluster, projectName, jobName),
                perJob);
        Map<String, String> conf = applyPrecedence(mapped.flinkConfiguration(),
                groups.getOrDefault(ConfigKeys.GROUP_CUSTOM, Map.of()), groups);
        conf.put("execution.checkpointing.savepoint-dir",
                locations.savepointDir(cluster, projectName, jobName).toString());
        return new Resolved(mapped, conf);
    }

    /** An explicit custom key beats a platform default, never a platform group's key that is set. */
    static Map<String, String> applyPrecedence(Map<String, String> mapped, Map<String, String> custom,
                                               Map<String, Map<String, String>> groups) {
        Map<String, String> out = new LinkedHashMap<>(mapped);
        custom.forEach((key, value) -> {
            if (value == null || value.isBlank() || PLATFORM_OWNED.contains(key) || value.equals(out.get(key))) {
                return;
            }
            String groupKey = groupKeyFor(key);
            if (groupKey != null && isSet(groups, groupKey)) {
                return;
            }
            out.put(key, value);
        });
        return out;
    }

    /** Flink keys a per-job deployment takes from the resource group (a set resource key wins over custom). */
    private static final Map<String, String> RESOURCE_KEYS = Map.of(
            "jobmanager.memory.process.size", "wds.linkis.flink.jobmanager.memory",
            "taskmanager.memory.process.size", "wds.linkis.flink.taskmanager.memory",
            "yarn.containers.vcores", "wds.linkis.flink.taskmanager.cpus",
            "taskmanager.numberOfTaskSlots", "wds.linkis.flink.taskmanager.numberOfTaskSlots",
            "yarn.application.queue", "wds.linkis.rm.yarnqueue");

    private static String groupKeyFor(String flinkKey) {
        if (flinkKey.equals("parallelism.default")) {
            return ConfigKeys.PARALLELISM;
        }
        if (RESOURCE_KEYS.containsKey(flinkKey)) {
            return RESOURCE_KEYS.get(flinkKey);
        }
        if (flinkKey.startsWith(CHECKPOINTING)) {
            return CHECKPOINT_PREFIX + flinkKey.substring(CHECKPOINTING.length());
        }
        return null;
    }

    private static boolean isSet(Map<String, Map<String, String>> groups, String key) {
        for (Map.Entry<String, Map<String, String>> g : groups.entrySet()) {
            if (ConfigKeys.GROUP_CUSTOM.equals(g.getKey())) {
                continue;
            }
            String v = g.getValue().get(key);
            if (v != null && !v.isBlank()) {
                return true;
            }
        }
        return false;
    }
}
