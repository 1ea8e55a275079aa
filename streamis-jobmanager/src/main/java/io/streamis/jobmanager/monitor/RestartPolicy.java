package io.streamis.jobmanager.monitor;

import io.streamis.common.error.Text;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The auto-restart budget: at most {@code maxAttempts} restarts inside a sliding failure-rate window, each
 * after an exponentially growing back-off. Pure, so the rules are tested without a cluster.
 */
public record RestartPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration window) {

    /** restart after {@code delay}, or give up and say why ({@code why}: keyed, said in a reader's language). */
    public record Decision(boolean restart, Duration delay, Text why) {

        public String reason() {
            return why.english();
        }
    }

    /**
     * @param recentRestarts start times of the automatic restarts already made for this job
     */
    public Decision decide(List<Instant> recentRestarts, Instant now) {
        Instant from = now.minus(window);
        long inWindow = recentRestarts.stream().filter(t -> t.isAfter(from)).count();
        if (inWindow >= maxAttempts) {
            return new Decision(false, Duration.ZERO, Text.of("alert.budget-spent", "restart budget spent: " + inWindow
                    + " automatic restarts within " + window.toMinutes() + " min (max " + maxAttempts + ")",
                    inWindow, window.toMinutes(), maxAttempts));
        }
        long factor = 1L << Math.min(inWindow, 20);
        Duration delay = initialBackoff.multipliedBy(factor);
        if (delay.compareTo(maxBackoff) > 0) {
            delay = maxBackoff;
        }
        return new Decision(true, delay, Text.plain("attempt " + (inWindow + 1) + " of " + maxAttempts));
    }
}
