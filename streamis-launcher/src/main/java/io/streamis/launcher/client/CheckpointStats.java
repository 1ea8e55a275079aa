package io.streamis.launcher.client;

import java.util.List;

/**
 * {@code GET /jobs/:id/checkpoints}, reduced to what the platform uses. {@code failedInARow}: checkpoints that
 * failed since the newest completed one, as far as Flink's history reaches (newest first, in-progress skipped).
 */
public record CheckpointStats(long completedCount, long failedCount, long inProgressCount, long restoredCount,
                              Completed latestCompleted, Completed latestSavepoint, Restored latestRestored,
                              List<Completed> history, int failedInARow) {

    /** A completed checkpoint or savepoint. */
    public record Completed(long id, String path, long completedTs, long stateSize, long durationMs,
                            boolean savepoint) {
    }

    /** What the run restored from. */
    public record Restored(long id, String path, boolean savepoint, long restoreTs) {
    }
}
