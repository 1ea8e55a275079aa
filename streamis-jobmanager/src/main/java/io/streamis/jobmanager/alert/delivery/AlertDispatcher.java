package io.streamis.jobmanager.alert.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamis.jobmanager.StreamisJobManagerProperties;
import io.streamis.jobmanager.alert.AlertMessage;
import io.streamis.jobmanager.alert.channel.AlertChannel;
import io.streamis.jobmanager.alert.channel.ChannelMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The delivery worker: on its own thread, it sends due outbox rows and records each outcome. A failure is
 * retried with exponential back-off up to the configured attempts, then left FAILED (listed, resendable). No
 * request or monitor thread ever waits for a channel.
 */
@Component
public class AlertDispatcher implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(AlertDispatcher.class);
    private static final int BATCH = 50;
    /** How long a claimed row stays out of other workers' sight while it is being sent. */
    private static final Duration LEASE = Duration.ofMinutes(2);

    private final OutboxMapper outbox;
    private final ChannelMapper channels;
    private final ChannelSenders senders;
    private final ObjectMapper json;
    private final StreamisJobManagerProperties.Alerts settings;
    private final AtomicBoolean running = new AtomicBoolean();
    private ScheduledExecutorService worker;
    private volatile String lastRoundError;

    public AlertDispatcher(OutboxMapper outbox, ChannelMapper channels, ChannelSenders senders, ObjectMapper json,
                           StreamisJobManagerProperties properties) {
        this.outbox = outbox;
        this.channels = channels;
        this.senders = senders;
        this.json = json;
        this.settings = properties.alerts();
    }

    /** Asks the worker to look now (after new rows were written) instead of at its next tick. */
    public void wake() {
        ScheduledExecutorService w = worker;
        if (running.get() && w != null) {
            w.execute(this::drainSafely);
        }
    }

    private void drainSafely() {
        try {
            drain();
            lastRoundError = null;
        } catch (RuntimeException e) {
            // Once per distinct cause: a database that is away would otherwise log every poll interval.
            String cause = e.toString();
            if (!cause.equals(lastRoundError)) {
                LOG.warn("Alert delivery round failed (retried every {}): {}", settings.pollInterval(), cause);
                lastRoundError = cause;
            }
        }
    }

    /** One round: every due row, oldest first. Public so tests can drive a round deterministically. */
    public int drain() {
        int handled = 0;
        List<Delivery> due;
        do {
            LocalDateTime now = LocalDateTime.now();
            due = outbox.selectDue(now, BATCH);
            for (Delivery d : due) {
                if (outbox.claim(d.id(), d.nextAttemptAt(), now.plus(LEASE)) == 1) {
                    deliver(d, d.attempts() + 1);
                    handled++;
                }
            }
        } while (due.size() == BATCH && running.get());
        return handled;
    }

    private void deliver(Delivery d, int attempt) {
        AlertChannel channel = channels.selectById(d.channelId());
        if (channel == null) {
            outbox.markFailed(d.id(), Delivery.Status.FAILED.name(), LocalDateTime.now(), "the channel was deleted");
            return;
        }
        try {
            senders.send(channel, json.readValue(d.payload(), AlertMessage.class), "streamis-" + d.id());
            outbox.markSent(d.id(), LocalDateTime.now());
        } catch (RuntimeException | IOException e) {
            String error = cut(e.getMessage() == null ? e.toString() : e.getMessage());
            boolean giveUp = attempt >= settings.maxAttempts();
            outbox.markFailed(d.id(), giveUp ? Delivery.Status.FAILED.name() : Delivery.Status.PENDING.name(),
                    LocalDateTime.now().plus(settings.backoff(attempt)), error);
            LOG.warn("Alert delivery {} to channel {} ({}) failed, attempt {}/{}{}: {}", d.id(), channel.name(),
                    channel.type(), attempt, settings.maxAttempts(), giveUp ? ", giving up" : "", error);
        }
    }

    private static String cut(String s) {
        return s.length() > 2000 ? s.substring(0, 2000) : s;
    }

    @Override
    public void start() {
        if (running.compareAndSet(false, true)) {
            worker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "streamis-alert-delivery");
                t.setDaemon(true);
                return t;
            });
            long ms = settings.pollInterval().toMillis();
            worker.scheduleWithFixedDelay(this::drainSafely, ms, ms, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void stop() {
        if (running.compareAndSet(true, false)) {
            // A send in flight finishes or times out; its row is claimed, so it is retried after the lease.
            worker.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running.get();
    }
}
