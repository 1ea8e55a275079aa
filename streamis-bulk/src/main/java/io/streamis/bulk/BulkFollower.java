package io.streamis.bulk;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/** Moves bulk start items on as their per-job deployments finish (YARN starts return while still deploying). */
@Component
class BulkFollower implements SchedulingConfigurer {

    private static final Logger LOG = LoggerFactory.getLogger(BulkFollower.class);

    private final BulkService bulk;
    private final StreamisBulkProperties properties;

    BulkFollower(BulkService bulk, StreamisBulkProperties properties) {
        this.bulk = bulk;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::follow, properties.followInterval());
    }

    private void follow() {
        try {
            bulk.followDeployments();
        } catch (RuntimeException e) {
            LOG.warn("Following bulk deployments failed: {}", e.toString());
        }
    }
}
