package io.streamis.launcher.client;

import java.util.List;

/**
 * The lines of a log that may explain a failure (see {@link FailureLines}), and where the whole log is read
 * ({@code logPath}, e.g. the {@code yarn logs} command that prints it).
 */
public record LogExcerpt(String logPath, List<String> lines) {

    public LogExcerpt {
        lines = List.copyOf(lines);
    }
}
