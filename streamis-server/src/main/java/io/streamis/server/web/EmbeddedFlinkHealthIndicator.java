package io.streamis.server.web;

import io.streamis.launcher.cluster.EmbeddedFlinkCluster;
import io.streamis.launcher.config.StreamisLauncherProperties;
import java.util.Locale;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} → {@code components.embeddedFlink}: the embedded cluster starts in the background while
 * the web server already answers, so health says whether it is up. Starting is OUT_OF_SERVICE (the node is not
 * ready: its readiness group includes this component), a failed start DOWN; a node without an embedded cluster is
 * UP with {@code state: disabled}.
 */
@Component
class EmbeddedFlinkHealthIndicator implements HealthIndicator {

    private final EmbeddedFlinkCluster cluster;
    private final boolean enabled;

    EmbeddedFlinkHealthIndicator(EmbeddedFlinkCluster cluster, StreamisLauncherProperties properties) {
        this.cluster = cluster;
        this.enabled = properties.embedded().enabled();
    }

    @Override
    public Health health() {
        EmbeddedFlinkCluster.State s = cluster.state();
        if (!enabled) {
            return Health.up().withDetail("state", "disabled").build();
        }
        Health.Builder b = switch (s.phase()) {
            // Not asked to start: no cluster is configured as embedded; it starts on first use.
            case NOT_STARTED, UP -> Health.up();
            case STARTING, CLOSED -> Health.outOfService();
            case FAILED -> Health.down().withDetail("error", s.failure());
        };
        b.withDetail("state", s.phase().name().toLowerCase(Locale.ROOT));
        if (s.restUrl() != null) {
            b.withDetail("restUrl", s.restUrl());
        }
        if (s.startedAt() != null) {
            b.withDetail("startedAt", s.startedAt().toString());
        }
        if (s.took() != null) {
            b.withDetail("startMillis", s.took().toMillis());
        }
        return b.build();
    }
}
