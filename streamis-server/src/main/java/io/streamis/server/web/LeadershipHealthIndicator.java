package io.streamis.server.web;

import io.streamis.jobmanager.lease.Leadership;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/** {@code /actuator/health} → {@code components.leadership}: which node leads, since when, and this node. */
@Component
class LeadershipHealthIndicator implements HealthIndicator {

    private final Leadership leadership;

    LeadershipHealthIndicator(Leadership leadership) {
        this.leadership = leadership;
    }

    @Override
    public Health health() {
        Leadership.Status s = leadership.status();
        // No leader for a moment (a takeover in progress) is not this node's fault: it stays UP and serves.
        return Health.up().withDetail("leader", s.leader() == null ? "none" : s.leader())
                .withDetail("epoch", s.epoch() == null ? 0 : s.epoch())
                .withDetail("since", s.since() == null ? "" : s.since().toString())
                .withDetail("node", s.node())
                .withDetail("leading", s.leading()).build();
    }
}
