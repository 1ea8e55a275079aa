package io.streamis.jobmanager.monitor;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.springframework.stereotype.Component;

/**
 * Keeps the monitor out of the way of the shutdown savepoints. A job stopped with a savepoint ends FINISHED in
 * Flink; a monitor poll seeing that would close the task (COMPLETED/STOPPED) and the next server start would not
 * bring the job back. Polls run under the read lock; {@link #close} waits for the one in flight and refuses new ones.
 */
@Component
public class ShutdownGate {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private volatile boolean closing;

    /** Runs {@code work} unless the server is shutting down (then it does nothing). */
    public void runUnlessClosing(Runnable work) {
        if (closing || !lock.readLock().tryLock()) {
            return;
        }
        try {
            if (!closing) {
                work.run();
            }
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Refuses further work and waits (at most {@code timeout}) for the work in flight to end. */
    public boolean close(Duration timeout) {
        closing = true;
        try {
            if (lock.writeLock().tryLock(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                lock.writeLock().unlock();
                return true;
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public boolean isClosing() {
        return closing;
    }
}
