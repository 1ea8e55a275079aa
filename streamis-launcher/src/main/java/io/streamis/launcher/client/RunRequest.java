package io.streamis.launcher.client;

import java.util.List;
import java.util.Map;

/** Body of {@code POST /jars/:id/run}. */
public record RunRequest(String entryClass, List<String> args, Integer parallelism, String savepointPath,
                         boolean allowNonRestoredState, Map<String, String> flinkConfiguration) {
}
