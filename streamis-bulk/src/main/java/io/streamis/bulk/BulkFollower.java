package io.streamis.bulk;

import io.streamis.jobmanager.lease.Leadership;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Moves bulk start items on as their per-job deployments finish (YARN starts return while still deploying). The
 * leader follows every node's operations, so an operation outlives the node that accepted it.
 */
@Component
class BulkFollower implements SchedulingConfigurer {

    private static final Logger LOG = LoggerFactory.getLogger(BulkFollower.class);

    private final BulkService bulk;
    private final StreamisBulkProperties properties;
    private final Leadership leadership;

    BulkFollower(BulkService bulk, StreamisBulkProperties properties, Leadership leadership) {
        this.leadership = leadership;
        this.bulk = bulk;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::follow, properties.followInterval());
    }

    private void follow() {
        if (!leadership.isLeader()) {
            return;
        }
        try {
            bulk.followDeployments();
        } catch (RuntimeException e) {
            LOG.warn("Following bulk deployments failed: {}", e.toString());
        }
    }
}
