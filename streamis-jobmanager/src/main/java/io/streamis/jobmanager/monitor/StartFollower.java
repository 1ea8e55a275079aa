package io.streamis.jobmanager.monitor;

import io.streamis.jobmanager.StreamisJobManagerProperties;
import io.streamis.jobmanager.lifecycle.StartLaunched;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Observes in-flight starts between the monitor's cycles, so a start is decided (RUNNING, FAILED, stepped back) as
 * soon as its cluster reports it rather than up to a whole monitor interval later. It only observes: every pass is
 * {@link TaskMonitor#pollStarting()}, which hands what the clusters said to the {@link TaskReconciler}; on a node
 * that does not lead, a pass does nothing.
 *
 * <p>Its own thread ticks every {@code monitor.start-follow-interval} (one indexed query for STARTING tasks, and
 * one {@code /jobs/overview} per cluster only when there are some). A start launched on this node wakes it at
 * once and, while that start is young, it looks again after a tenth of the start's age (at least 5 ms): a job
 * that runs 200 ms after its launch is seen within about 20 ms of that, and slow starts (YARN) soon fall back to
 * the interval.
 */
@Component
public class StartFollower implements SmartLifecycle, DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(StartFollower.class);
    private static final long MIN_PAUSE_NANOS = Duration.ofMillis(5).toNanos();

    private final TaskMonitor monitor;
    private final ShutdownGate gate;
    private final long intervalNanos;
    /** When this node last launched a start (System.nanoTime), or 0. */
    private volatile long lastLaunch;
    private volatile Thread thread;

    public StartFollower(TaskMonitor monitor, ShutdownGate gate, StreamisJobManagerProperties properties) {
        this.monitor = monitor;
        this.gate = gate;
        // It runs even with the monitor's cycle switched off: without it no start would ever be decided.
        this.intervalNanos = properties.monitor().startFollowInterval().toNanos();
    }

    /** A start launched on this node: look now, and soon again. */
    @EventListener
    public void onLaunched(StartLaunched launched) {
        lastLaunch = System.nanoTime();
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    @Override
    public void start() {
        if (thread != null) {
            return;
        }
        Thread t = new Thread(this::run, "streamis-start-follower");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    private void run() {
        while (thread == Thread.currentThread()) {
            long pause = intervalNanos;
            try {
                int[] starting = {0};
                gate.runUnlessClosing(() -> starting[0] = monitor.pollStarting());
                if (starting[0] > 0 && lastLaunch != 0) {
                    long age = System.nanoTime() - lastLaunch;
                    pause = Math.max(MIN_PAUSE_NANOS, Math.min(intervalNanos, age / 10));
                }
            } catch (RuntimeException e) {
                LOG.warn("Following starts failed: {}", e.toString());
            }
            LockSupport.parkNanos(this, pause);
        }
    }

    @Override
    public void stop() {
        Thread t = thread;
        thread = null;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    @Override
    public void destroy() {
        stop();
    }
}
