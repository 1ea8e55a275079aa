package io.streamis.launcher.client;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.streamis.common.error.Text;
import java.util.ArrayList;
import java.util.List;

/**
 * A page of a log; {@code endLine} is the number of the last line returned. A page that only says why there is no
 * log to show carries that sentence as a {@code notice} (key, English, arguments), so the endpoint can say it in the
 * reader's language; its single line is the English.
 */
public record LogPage(String logPath, List<String> logs, int endLine, @JsonIgnore Text notice) {

    public LogPage(String logPath, List<String> logs, int endLine) {
        this(logPath, logs, endLine, null);
    }

    /** The one-line page that says why there is no log ({@code notice}'s English is the line). */
    public static LogPage notice(String logPath, Text notice) {
        return new LogPage(logPath, List.of(notice.english()), 1, notice);
    }

    /** {@code logPath} of a page that is only a notice: the cluster keeps no such log file. */
    public static final String NO_FILE = "undefined";

    /** A one-line notice that the cluster keeps no such log file. */
    public static LogPage noFile(String notice) {
        return new LogPage(NO_FILE, List.of(notice), 1);
    }

    /** Whether this page is the notice of {@link #noFile}, not lines of a log (not part of the 0.3.x answer). */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isNoFile() {
        return NO_FILE.equals(logPath);
    }

    /**
     * One page of {@code text}'s lines (1-based {@code fromLine}) after the keyword filters: a line is kept when it
     * contains one of the comma-separated {@code only} keywords (any, when blank) and none of {@code ignore}.
     */
    public static LogPage of(String logPath, String text, int fromLine, int pageSize, String only, String ignore) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            if ((only == null || only.isBlank() || containsAny(line, only))
                    && (ignore == null || ignore.isBlank() || !containsAny(line, ignore))) {
                lines.add(line);
            }
        }
        int from = Math.max(0, fromLine - 1);
        int to = Math.min(lines.size(), from + Math.max(1, pageSize));
        return new LogPage(logPath, from >= to ? List.of() : lines.subList(from, to), to);
    }

    private static boolean containsAny(String line, String keywords) {
        for (String k : keywords.split(",")) {
            if (!k.isBlank() && line.contains(k.trim())) {
                return true;
            }
        }
        return false;
    }
}
