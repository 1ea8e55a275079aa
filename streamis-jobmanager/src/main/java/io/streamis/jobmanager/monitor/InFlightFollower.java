package io.streamis.jobmanager.monitor;

import io.streamis.jobmanager.StreamisJobManagerProperties;
import io.streamis.jobmanager.lifecycle.StartLaunched;
import io.streamis.jobmanager.operation.OperationRequested;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Follows what is in flight between the monitor's cycles: starts, so a start is decided (RUNNING, FAILED, stepped
 * back) as soon as its cluster reports it rather than up to a whole monitor interval later, and stops and
 * savepoints, so their answer (and the run's STOPPED) follows Flink's completion closely. Every pass is
 * {@link TaskMonitor#pollStarting()}, which hands what the clusters said to the {@link TaskReconciler}, and
 * {@link OperationReconciler#followAll()}; on a node that does not lead, a pass does nothing.
 *
 * <p>Its own thread ticks every {@code monitor.start-follow-interval} (one indexed query for STARTING tasks and one
 * for unsettled operations, and Flink calls only when there are some). A start launched or an operation requested
 * on this node wakes it at once and, while that is young, it looks again after a tenth of its age (at least 5 ms):
 * a job that runs 200 ms after its launch is seen within about 20 ms of that, and slow starts (YARN) soon fall
 * back to the interval.
 */
@Component
public class InFlightFollower implements SmartLifecycle, DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(InFlightFollower.class);
    private static final long MIN_PAUSE_NANOS = Duration.ofMillis(5).toNanos();

    private final TaskMonitor monitor;
    private final OperationReconciler operations;
    private final ShutdownGate gate;
    private final long intervalNanos;
    /** When this node last launched a start or requested an operation (System.nanoTime), or 0. */
    private volatile long lastLaunch;
    private volatile Thread thread;

    public InFlightFollower(TaskMonitor monitor, OperationReconciler operations, ShutdownGate gate, StreamisJobManagerProperties properties) {
        this.monitor = monitor;
        this.operations = operations;
        this.gate = gate;
        // It runs even with the monitor's cycle switched off: without it no start or stop would ever be decided.
        this.intervalNanos = properties.monitor().startFollowInterval().toNanos();
    }

    /** A start launched on this node: look now, and soon again. */
    @EventListener
    public void onLaunched(StartLaunched launched) {
        wake();
    }

    /** A stop or savepoint requested on this node: look now, and soon again. */
    @EventListener
    public void onRequested(OperationRequested requested) {
        wake();
    }

    private void wake() {
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
        Thread t = new Thread(this::run, "streamis-in-flight-follower");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    private void run() {
        while (thread == Thread.currentThread()) {
            long pause = intervalNanos;
            try {
                int[] inFlight = {0};
                gate.runUnlessClosing(() -> inFlight[0] = Math.max(0, monitor.pollStarting())
                        + Math.max(0, operations.followAll()));
                if (inFlight[0] > 0 && lastLaunch != 0) {
                    long age = System.nanoTime() - lastLaunch;
                    pause = Math.max(MIN_PAUSE_NANOS, Math.min(intervalNanos, age / 10));
                }
            } catch (RuntimeException e) {
                LOG.warn("Following starts and operations failed: {}", e.toString());
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

    /**
     * Stops after the web server (whose graceful shutdown waits for the answers of stops in flight, which this
     * settles) and before the shutdown savepoints: a stop accepted before SIGTERM still ends STOPPED, with its
     * savepoint recorded and its answer sent.
     */
    @Override
    public int getPhase() {
        return ShutdownSavepoints.PHASE + 1;
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
