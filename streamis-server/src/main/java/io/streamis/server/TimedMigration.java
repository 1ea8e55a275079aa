package io.streamis.server;

import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.stereotype.Component;

/** Boot's own strategy (migrate), timed for the {@link StartupTimeline}. */
@Component
class TimedMigration implements FlywayMigrationStrategy {

    private final ObjectProvider<StartupTimeline> timeline;

    TimedMigration(ObjectProvider<StartupTimeline> timeline) {
        this.timeline = timeline;
    }

    @Override
    public void migrate(Flyway flyway) {
        long from = System.currentTimeMillis();
        flyway.migrate();
        long to = System.currentTimeMillis();
        timeline.ifAvailable(t -> t.database(from, to));
    }
}
