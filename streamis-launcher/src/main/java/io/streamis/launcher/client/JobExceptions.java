package io.streamis.launcher.client;

import java.util.List;

/** {@code GET /jobs/:id/exceptions}: the root exception and the history. */
public record JobExceptions(String rootException, long timestamp, List<Entry> history) {

    /** One exception of the history. */
    public record Entry(long timestamp, String exceptionName, String stacktrace, String taskName) {
    }
}
