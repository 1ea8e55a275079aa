package io.streamis.server.job;

import io.streamis.server.support.MariaDbSchema;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The pinning suite on the machine's MariaDB, in a fresh schema dropped afterwards. */
class MariaDbProjectFilePinningApiTest extends AbstractProjectFilePinningApiTest {

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
