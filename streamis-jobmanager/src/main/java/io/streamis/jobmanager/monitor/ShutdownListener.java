package io.streamis.jobmanager.monitor;

import java.time.Duration;
import java.time.Instant;

/**
 * Told how long the shutdown savepoints may take, so whoever waits for the process (bin/stop.sh through a file the
 * server module writes) can give N jobs the time their savepoints need instead of a fixed grace period.
 */
public interface ShutdownListener {

    /**
     * The server has begun to close with {@code jobs} embedded jobs to savepoint, which need up to {@code
     * savepoints} once the components that stop before them (the web server first) have stopped. Said at the very
     * start of the close, so a short grace period cannot end before anyone knows the savepoints are due.
     */
    void shutdownBegun(int jobs, Duration savepoints);

    /** The savepoints of {@code jobs} embedded jobs are being taken now; all should be done by {@code expectedBy}. */
    void savepointsStarting(int jobs, Instant expectedBy);
}
