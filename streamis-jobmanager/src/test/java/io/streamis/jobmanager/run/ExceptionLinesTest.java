package io.streamis.jobmanager.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamis.jobmanager.log.TaskLog;
import io.streamis.launcher.client.JobExceptions;
import io.streamis.launcher.client.LogPage;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExceptionLinesTest {

    private static final String TRACE = "java.lang.RuntimeException: boom\n\tat a.B.c(B.java:1)\n\tat a.B.d(B.java:2)";

    @Test
    void rendersTheExceptionHistoryAsOneLinePerFrameNotAsAMapString() {
        JobExceptions ex = new JobExceptions(TRACE, 1_700_000_000_000L, List.of(
                new JobExceptions.Entry(1_700_000_000_000L, "java.lang.RuntimeException", TRACE, "Source: src"),
                new JobExceptions.Entry(1_699_999_999_000L, "java.io.IOException", "java.io.IOException: disk\n"
                        + "\tat x.Y.z(Y.java:9)", "Sink: snk")));
        List<String> lines = ExceptionLines.of(ex);

        assertThat(lines).noneMatch(l -> l.startsWith("{") || l.contains("history="));
        assertThat(lines).contains("java.lang.RuntimeException: boom", "\tat a.B.c(B.java:1)",
                "java.io.IOException: disk", "\tat x.Y.z(Y.java:9)");
        assertThat(lines.stream().filter(l -> l.equals("java.lang.RuntimeException: boom")).count())
                .as("the root exception repeated in the history is shown once").isEqualTo(1);
        assertThat(lines).anyMatch(l -> l.contains("java.io.IOException in Sink: snk"));
    }

    @Test
    void pagesAndFiltersLikeTheOtherLogTypes() {
        List<String> lines = ExceptionLines.of(new JobExceptions(TRACE, 0, List.of()));
        assertThat(lines).hasSize(4);
        LogPage page = TaskLog.page("p", TaskLog.filter(lines, "at a.B", null), 1, 1, 0);
        assertThat(page.logs()).containsExactly("\tat a.B.c(B.java:1)");
        assertThat(page.endLine()).isEqualTo(1);
    }

    @Test
    void saysSoWhenFlinkReportedNothing() {
        assertThat(ExceptionLines.of(new JobExceptions(null, 0, List.of()))).containsExactly(ExceptionLines.NONE);
    }
}
