package io.streamis.jobmanager.upload;

import io.streamis.config.value.NormalizedConfig;
import java.util.List;

/**
 * Outcome of an import: the job, the version just published, whether the job was created by it, and the config
 * keys that were dropped (undefined keys outside the custom Flink group, seed 000 §3).
 */
public record ImportResult(long jobId, String version, boolean created, List<NormalizedConfig.Dropped> dropped) {

    public ImportResult {
        dropped = dropped == null ? List.of() : List.copyOf(dropped);
    }
}
