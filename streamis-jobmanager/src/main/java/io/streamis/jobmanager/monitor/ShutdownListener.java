package io.streamis.jobmanager.monitor;

import java.time.Instant;

/**
 * Told when the shutdown savepoints begin, so whoever waits for the process (bin/stop.sh through a file the
 * server module writes) can give N jobs the time their savepoints need instead of a fixed grace period.
 */
public interface ShutdownListener {

    /** {@code jobs} embedded jobs are being stopped with savepoints; all should be done by {@code expectedBy}. */
    void savepointsStarting(int jobs, Instant expectedBy);
}
