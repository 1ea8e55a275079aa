package io.streamis.server.alert;

import io.streamis.server.support.MariaDbSchema;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The alert suite on the machine's MariaDB, in a fresh schema dropped afterwards. */
class MariaDbAlertApiTest extends AbstractAlertApiTest {

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
