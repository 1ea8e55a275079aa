package io.streamis.jobmanager.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RestartPolicyTest {

    private final RestartPolicy policy = new RestartPolicy(3, Duration.ofSeconds(10), Duration.ofSeconds(60),
            Duration.ofMinutes(30));
    private final Instant now = Instant.parse("2026-11-24T10:00:00Z");

    @Test
    void firstRestartWaitsTheInitialBackoff() {
        RestartPolicy.Decision d = policy.decide(List.of(), now);
        assertThat(d.restart()).isTrue();
        assertThat(d.delay()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void backoffDoublesPerRecentRestartAndIsCapped() {
        assertThat(policy.decide(List.of(now.minusSeconds(5)), now).delay()).isEqualTo(Duration.ofSeconds(20));
        RestartPolicy wide = new RestartPolicy(10, Duration.ofSeconds(10), Duration.ofSeconds(60),
                Duration.ofMinutes(30));
        List<Instant> five = List.of(now.minusSeconds(1), now.minusSeconds(2), now.minusSeconds(3),
                now.minusSeconds(4), now.minusSeconds(5));
        assertThat(wide.decide(five, now).delay()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void givesUpWhenTheBudgetIsSpentInsideTheWindow() {
        RestartPolicy.Decision d = policy.decide(List.of(now.minusSeconds(60), now.minusSeconds(120),
                now.minusSeconds(180)), now);
        assertThat(d.restart()).isFalse();
        assertThat(d.reason()).contains("restart budget spent").contains("max 3");
        // Keyed with its numbers in this order: the alert's text places them (AutoRestarter, alert.budget-spent-job).
        assertThat(d.why().key()).isEqualTo("alert.budget-spent");
        assertThat(d.why().args()).containsExactly("3", "30", "3");
    }

    @Test
    void restartsOutsideTheWindowNoLongerCount() {
        RestartPolicy.Decision d = policy.decide(List.of(now.minus(Duration.ofMinutes(31)),
                now.minus(Duration.ofMinutes(40)), now.minus(Duration.ofMinutes(50))), now);
        assertThat(d.restart()).isTrue();
        assertThat(d.delay()).isEqualTo(Duration.ofSeconds(10));
    }
}
