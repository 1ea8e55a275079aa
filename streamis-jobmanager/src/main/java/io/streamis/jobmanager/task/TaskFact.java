package io.streamis.jobmanager.task;

import io.streamis.common.error.Text;

/**
 * What an observer learned about a run, published as a Spring event. Observers (the monitor, the auto-restarter,
 * the start recorder) only record these; the alert decider is the one place that turns them into incidents.
 */
public sealed interface TaskFact {

    long jobId();

    /** The run the fact is about; null when the fact concerns the job before any run existed. */
    Long taskId();

    /** A run was created (the start's intent is recorded); {@code cause} is the StartCause name. */
    record Started(long jobId, Long taskId, String cause) implements TaskFact {
    }

    /** A run was stopped on purpose (by a user or a bulk stop). */
    record Stopped(long jobId, Long taskId) implements TaskFact {
    }

    /**
     * The run ended in failure. {@code lost}: it went missing from its cluster for the confirm period. {@code cause}
     * is keyed when the platform wrote it (the incident says it in its reader's language), plain when it passes on
     * Flink's or YARN's own words.
     */
    record Failed(long jobId, Long taskId, Text cause, boolean lost) implements TaskFact {

        public Failed(long jobId, Long taskId, String cause, boolean lost) {
            this(jobId, taskId, Text.plain(cause), lost);
        }
    }

    /** Auto-restart gave up: the restart budget is spent (or the restart itself could not be made). */
    record RestartBudgetSpent(long jobId, Long taskId, Text reason) implements TaskFact {

        public RestartBudgetSpent(long jobId, Long taskId, String reason) {
            this(jobId, taskId, Text.plain(reason));
        }
    }

    /** The job restarted: by the platform (a new run) or by Flink's own restart strategy (same run). */
    record Restarted(long jobId, Long taskId, boolean byFlink) implements TaskFact {
    }

    /** Every task of the run runs (again). */
    record Running(long jobId, Long taskId) implements TaskFact {
    }

    /**
     * A fresh reading of the run's checkpoints. {@code latestCompletedTs} is null when none completed yet;
     * {@code failedInARow} counts the failed checkpoints since the newest completed one, {@code failedTotal} all
     * failed checkpoints of the run.
     */
    record CheckpointsRead(long jobId, Long taskId, Long latestCompletedTs, int failedInARow, long failedTotal)
            implements TaskFact {
    }
}
