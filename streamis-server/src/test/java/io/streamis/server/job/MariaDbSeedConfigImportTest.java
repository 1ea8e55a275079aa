package io.streamis.server.job;

import io.streamis.server.support.MariaDbSchema;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The seed's config rules on the machine's MariaDB (where '\d' in a string literal loses its backslash). */
class MariaDbSeedConfigImportTest extends AbstractSeedConfigImportTest {

    private static final MariaDbSchema SCHEMA = new MariaDbSchema();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        SCHEMA.register(registry);
    }

    @AfterAll
    static void dropSchema() {
        SCHEMA.drop();
    }
}
