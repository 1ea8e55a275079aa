package io.streamis.jobmanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A stop's request must decide before its intent counts as abandoned, so the timeout outlasts two Flink calls. */
class OperationTimeoutRuleTest {

    @Test
    void anOperationTimeoutShorterThanTwoFlinkCallsIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> withTimeout(Duration.ofSeconds(29)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("streamis.jobmanager.operation-timeout must be at least 30 s")
                .hasMessageContaining("not 29 s");
    }

    @Test
    void theDefaultAndTheLeastAllowedAreTaken() {
        assertThat(withTimeout(null).operationTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(withTimeout(Duration.ofSeconds(30)).operationTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    private static StreamisJobManagerProperties withTimeout(Duration timeout) {
        return new StreamisJobManagerProperties(null, null, null, null, null, null, null, null, timeout, null, null,
                null, null);
    }
}
