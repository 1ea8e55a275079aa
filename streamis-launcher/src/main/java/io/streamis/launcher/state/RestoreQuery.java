package io.streamis.launcher.state;

import java.util.List;
import java.util.Map;

/** Inputs of a restore decision. {@code userPath} (one-shot / confirmed) has the highest priority. */
public record RestoreQuery(String userPath, List<StatePoint> known, List<ScannedState> scanned,
                           Map<String, Long> runSeqByFlinkJobId) {
}
