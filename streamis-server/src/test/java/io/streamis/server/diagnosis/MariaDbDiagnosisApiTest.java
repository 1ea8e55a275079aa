package io.streamis.server.diagnosis;

import io.streamis.server.support.MariaDbSchema;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The diagnosis suite (the seeded regexes read the same in MariaDB string literals) on the machine's MariaDB, in a fresh schema dropped afterwards. */
class MariaDbDiagnosisApiTest extends AbstractDiagnosisApiTest {

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
