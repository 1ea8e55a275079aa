package io.streamis.jobmanager.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamis.launcher.client.LogPage;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@code lastRows} on the cluster logs (JobManager, TaskManager, YARN containers), which page on the cluster's side. */
class ClusterLogTailTest {

    private static final String TEXT = IntStream.rangeClosed(1, 50)
            .mapToObj(i -> (i % 2 == 0 ? "INFO " : "WARN ") + "line " + i).collect(Collectors.joining("\n"));

    @Test
    void lastRowsAreTheLastLinesAfterTheFilters() {
        LogPage all = RunDetails.tail((from, size) -> LogPage.of("jm.log", TEXT, from, size, null, null), 1, 100, 3);
        assertThat(all.logs()).containsExactly("INFO line 48", "WARN line 49", "INFO line 50");
        assertThat(all.endLine()).isEqualTo(50);
    }

    @Test
    void lastRowsOfAFilteredLog() {
        LogPage warn = RunDetails.tail((from, size) -> LogPage.of("jm.log", TEXT, from, size, "WARN", null), 1, 100, 2);
        assertThat(warn.logs()).containsExactly("WARN line 47", "WARN line 49");
        assertThat(warn.endLine()).isEqualTo(25);
    }

    @Test
    void withoutLastRowsThePageAskedFor() {
        LogPage page = RunDetails.tail((from, size) -> LogPage.of("jm.log", TEXT, from, size, null, null), 11, 2, 0);
        assertThat(page.logs()).containsExactly("WARN line 11", "INFO line 12");
    }

    @Test
    void aNoticeStaysANotice() {
        LogPage notice = RunDetails.tail((from, size) -> LogPage.noFile("no log file"), 1, 100, 5);
        assertThat(notice.isNoFile()).isTrue();
        assertThat(notice.logs()).containsExactly("no log file");
    }
}
