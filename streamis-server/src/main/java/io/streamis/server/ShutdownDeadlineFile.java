package io.streamis.server;

import io.streamis.jobmanager.monitor.ShutdownListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.context.LifecycleProperties;
import org.springframework.stereotype.Component;

/**
 * Tells {@code bin/stop.sh} how long the shutdown savepoints may take: it writes the expected end (epoch seconds)
 * to {@code <data-dir>/streamis.stopping}, and the script keeps waiting past its fixed grace period until then,
 * so N running jobs are not killed halfway through their savepoints. The first end is written as the close begins
 * and allows the web server's graceful drain before the savepoints; it is rewritten with the exact end once they
 * start. A file left by an earlier process is removed on start so it can never extend a later stop.
 */
@Component
class ShutdownDeadlineFile implements ShutdownListener {

    static final String NAME = "streamis.stopping";
    private static final Logger LOG = LoggerFactory.getLogger(ShutdownDeadlineFile.class);

    private final Path file;
    private final Duration drain;

    ShutdownDeadlineFile(@Value("${streamis.data-dir}") Path dataDir, LifecycleProperties lifecycle)
            throws IOException {
        this.file = dataDir.resolve(NAME);
        this.drain = lifecycle.getTimeoutPerShutdownPhase();
        Files.deleteIfExists(file);
    }

    @Override
    public void shutdownBegun(int jobs, Duration savepoints) {
        savepointsStarting(jobs, Instant.now().plus(drain).plus(savepoints));
    }

    @Override
    public void savepointsStarting(int jobs, Instant expectedBy) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, expectedBy.getEpochSecond() + "\n");
        } catch (IOException e) {
            LOG.warn("Cannot write {} (bin/stop.sh falls back to its fixed grace period): {}", file, e.toString());
        }
    }
}
