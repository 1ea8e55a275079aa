package io.streamis.jobmanager.monitor;

/**
 * What a running job that someone cancelled in Flink itself (its web UI, its CLI, its REST API), not through the
 * platform, means: {@code streamis.jobmanager.monitor.cancelled-outside}.
 */
public enum CancelledOutside {
    /**
     * The run is STOPPED and stays so. A cancel in Flink's UI is usually an operator's emergency stop; a platform
     * that started the job again behind them would undo it (the Flink Kubernetes Operator and StreamPark leave a
     * cancelled job cancelled too).
     */
    STOP,
    /**
     * The platform is the only place a job is stopped: a cancel anywhere else is a failure like any other, and a job
     * with fail-restart ON is restarted from its newest restore point (checkpoints are retained on cancellation).
     */
    RESTART;

    boolean restartsWhenAllowed() {
        return this == RESTART;
    }
}
