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
        String url = SCHEMA.create();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> MariaDbSchema.USER);
        registry.add("spring.datasource.password", () -> MariaDbSchema.PASSWORD);
    }

    @AfterAll
    static void dropSchema() {
        SCHEMA.drop();
    }
}
