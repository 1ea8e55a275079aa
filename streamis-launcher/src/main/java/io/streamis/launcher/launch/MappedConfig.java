package io.streamis.launcher.launch;

import java.util.List;
import java.util.Map;

/** Streamis job config mapped for a session cluster, plus the keys that cannot apply there. */
public record MappedConfig(Integer parallelism, Map<String, String> flinkConfiguration, List<String> notApplied) {
}
