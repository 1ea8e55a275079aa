package io.streamis.launcher.launch;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps Streamis job config onto a run: resource group → parallelism; custom group → Flink configuration verbatim;
 * produce group → checkpointing. On a per-job cluster (YARN application) the whole resource group applies: JM/TM
 * process memory (MB), TM slots, TM vcores and the YARN queue. A session cluster cannot honour those per job;
 * they are reported, never silently dropped.
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

    /** Resource keys → the Flink keys a per-job deployment sets from them; memory values are MB. */
    private static final Map<String, String> PER_JOB = Map.of(
            "wds.linkis.flink.jobmanager.memory", "jobmanager.memory.process.size",
            "wds.linkis.flink.taskmanager.memory", "taskmanager.memory.process.size",
            "wds.linkis.flink.taskmanager.cpus", "yarn.containers.vcores",
            "wds.linkis.flink.taskmanager.numberOfTaskSlots", "taskmanager.numberOfTaskSlots",
            "wds.linkis.rm.yarnqueue", "yarn.application.queue");

    private FlinkConfigMapper() {
    }

    public static MappedConfig map(Map<String, Map<String, String>> groups, URI checkpointDir) {
        return map(groups, checkpointDir, false);
    }

    /** @param perJob the target deploys a cluster for this job, so resources and queue apply */
    public static MappedConfig map(Map<String, Map<String, String>> groups, URI checkpointDir, boolean perJob) {
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
            if (v == null || v.isBlank()) {
                return;
            }
            if (perJob && PER_JOB.containsKey(k)) {
                String value = v.trim();
                conf.put(PER_JOB.get(k), k.endsWith(".memory") && value.matches("\\d+") ? value + "m" : value);
            } else if (NOT_APPLICABLE.containsKey(k)) {
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
