package io.streamis.launcher.client;

import java.util.List;
import java.util.Map;

/**
 * Body of {@code POST /jars/:id/run}.
 *
 * @param jobId the Flink job id the run must get (32 hex), chosen and recorded before the call; null lets Flink choose
 */
public record RunRequest(String entryClass, List<String> args, Integer parallelism, String savepointPath,
                         boolean allowNonRestoredState, Map<String, String> flinkConfiguration, String jobId) {
}
