package io.streamis.jobmanager.lease;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;

/** Every node of an installation reads one id: the first writes it, a node that loses the race reads the winner's. */
class DatabaseInstallationIdTest {

    /** The one-row table in memory; {@code racer} writes its own id between a node's read and its insert. */
    static final class TestingInstallationMapper implements InstallationMapper {
        String row;
        String racer;
        final AtomicInteger inserts = new AtomicInteger();

        @Override
        public String selectId() {
            String seen = row;
            if (seen == null && racer != null) {
                row = racer; // written by another node right after this node's read
                racer = null;
            }
            return seen;
        }

        @Override
        public int insertId(String id) {
            inserts.incrementAndGet();
            if (row != null) {
                throw new DuplicateKeyException("PRIMARY KEY name = 'installation'");
            }
            row = id;
            return 1;
        }
    }

    @Test
    void theFirstNodeWritesTheIdAndEveryLaterNodeReadsIt() {
        TestingInstallationMapper table = new TestingInstallationMapper();
        String first = new DatabaseInstallationId(table).get();
        assertThat(first).matches("[0-9a-f]{32}");
        assertThat(new DatabaseInstallationId(table).get()).isEqualTo(first);
        assertThat(table.inserts.get()).isEqualTo(1);
    }

    @Test
    void aNodeThatLosesTheRaceToWriteTheIdUsesTheWinnersId() {
        TestingInstallationMapper table = new TestingInstallationMapper();
        table.racer = "0123456789abcdef0123456789abcdef";
        assertThat(new DatabaseInstallationId(table).get()).isEqualTo("0123456789abcdef0123456789abcdef");
        assertThat(table.row).isEqualTo("0123456789abcdef0123456789abcdef");
    }

    @Test
    void theIdIsReadOncePerProcess() {
        TestingInstallationMapper table = new TestingInstallationMapper();
        DatabaseInstallationId id = new DatabaseInstallationId(table);
        String before = id.get();
        table.row = "changed-behind-its-back";
        assertThat(id.get()).isEqualTo(before);
    }
}
