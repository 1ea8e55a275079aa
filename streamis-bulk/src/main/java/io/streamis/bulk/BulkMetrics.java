package io.streamis.bulk;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/** {@code streamis_bulk_queue_depth} and {@code streamis_bulk_active}: the bulk workers' backlog and load. */
@Component
class BulkMetrics implements MeterBinder {

    private final BulkService bulk;

    BulkMetrics(BulkService bulk) {
        this.bulk = bulk;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("streamis.bulk.queue.depth", bulk, BulkService::queued)
                .description("Bulk items waiting for a worker").register(registry);
        Gauge.builder("streamis.bulk.active", bulk, BulkService::active)
                .description("Bulk items being worked on").register(registry);
    }
}
