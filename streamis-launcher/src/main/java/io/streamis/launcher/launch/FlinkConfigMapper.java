package io.streamis.launcher.launch;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps Streamis job config onto a session-cluster run: resource group → parallelism; custom group → Flink
 * configuration verbatim; produce group → checkpointing. Keys a session cluster cannot honour per job (JM/TM
 * memory, TM cpus and slots, YARN queue) are reported, never silently dropped.
 */
public final class FlinkConfigMapper {

    static final String RESOURCE = "wds.linkis.flink.resource";
    static final String CUSTOM = "wds.linkis.flink.custom";
    static final String PRODUCE = "wds.linkis.flink.produce";
    static final String CHECKPOINT_PREFIX = "wds.linkis.flink.checkpoint.";
    static final long DEFAULT_INTERVAL_MS = 60_000;

    private static final Map<String, String> NOT_APPLICABLE = Map.of(
            "wds.linkis.flink.jobmanager.memory", "JobManager memory cannot be set per job on a session cluster",
            "wds.linkis.flink.taskmanager.memory", "TaskManager memory cannot be set per job on a session cluster",
            "wds.linkis.flink.taskmanager.cpus", "TaskManager CPUs cannot be set per job on a session cluster",
            "wds.linkis.flink.taskmanager.numberOfTaskSlots", "slots are fixed by the session cluster",
            "wds.linkis.rm.yarnqueue", "YARN queues do not apply to a session cluster");

    private FlinkConfigMapper() {
    }

    public static MappedConfig map(Map<String, Map<String, String>> groups, URI checkpointDir) {
        Map<String, String> resource = groups.getOrDefault(RESOURCE, Map.of());
        Map<String, String> produce = groups.getOrDefault(PRODUCE, Map.of());
        Map<String, String> conf = new LinkedHashMap<>(groups.getOrDefault(CUSTOM, Map.of()));
        List<String> notApplied = new ArrayList<>();
        Integer parallelism = null;
        String p = resource.get("wds.linkis.flink.app.parallelism");
        if (p != null && p.trim().matches("\\d+")) {
            parallelism = Integer.parseInt(p.trim());
            conf.put("parallelism.default", String.valueOf(parallelism));
        }
        resource.forEach((k, v) -> {
            if (NOT_APPLICABLE.containsKey(k) && v != null && !v.isBlank()) {
                notApplied.add(k + "=" + v + ": " + NOT_APPLICABLE.get(k));
            }
        });
        if ("ON".equalsIgnoreCase(produce.getOrDefault(CHECKPOINT_PREFIX + "switch", "OFF").trim())) {
            String interval = produce.get(CHECKPOINT_PREFIX + "interval");
            conf.put("execution.checkpointing.interval", interval == null || interval.isBlank()
                    ? DEFAULT_INTERVAL_MS + "ms" : interval.trim().matches("\\d+") ? interval.trim() + "ms"
                    : interval.trim());
            conf.put("execution.checkpointing.externalized-checkpoint-retention", "RETAIN_ON_CANCELLATION");
            conf.put("execution.checkpointing.dir", checkpointDir.toString());
            produce.forEach((k, v) -> {
                String rest = k.startsWith(CHECKPOINT_PREFIX) ? k.substring(CHECKPOINT_PREFIX.length()) : null;
                if (rest != null && !rest.equals("switch") && !rest.equals("interval") && v != null && !v.isBlank()) {
                    conf.put("execution.checkpointing." + rest, v);
                }
            });
        }
        return new MappedConfig(parallelism, conf, notApplied);
    }
}
