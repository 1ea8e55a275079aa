package io.streamis.jobmanager.run;

import io.streamis.launcher.client.JobExceptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Renders Flink's exception history of a run as log lines ({@code /job/logs?logType=yarn|flink}), so it pages and
 * filters like every other log type: per exception a header line (time, exception, task) and its stack trace one
 * line per frame; the root exception first, each trace once.
 */
final class ExceptionLines {

    /** The single line when Flink reported no exception for the run. */
    static final String NONE = "Flink reported no exception for this run.";
    /**
     * Appended to a notice that the cluster keeps no JobManager log: what follows instead. The English of
     * {@code log.exceptions-below}, said in the reader's language where the page is built (RunDetails).
     */
    static final String INSTEAD = "below: Flink's exception history of this run";

    private ExceptionLines() {
    }

    static List<String> of(JobExceptions ex) {
        List<String> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        if (ex != null && ex.rootException() != null && !ex.rootException().isBlank()) {
            out.add(header(ex.timestamp(), "root exception", null));
            addTrace(out, ex.rootException());
            seen.add(ex.rootException().strip());
        }
        if (ex != null && ex.history() != null) {
            for (JobExceptions.Entry e : ex.history()) {
                String trace = e.stacktrace() == null ? "" : e.stacktrace();
                if (!seen.add(trace.strip())) {
                    continue;
                }
                out.add(header(e.timestamp(), e.exceptionName(), e.taskName()));
                addTrace(out, trace);
            }
        }
        return out.isEmpty() ? List.of(NONE) : out;
    }

    private static String header(long ts, String what, String task) {
        return (ts > 0 ? Instant.ofEpochMilli(ts) + " " : "") + "--- " + (what == null ? "exception" : what)
                + (task == null || task.isBlank() ? "" : " in " + task) + " ---";
    }

    private static void addTrace(List<String> out, String trace) {
        for (String line : trace.split("\\r?\\n")) {
            if (!line.isBlank()) {
                out.add(line);
            }
        }
    }
}
