package io.streamis.jobmanager.log;

import io.streamis.common.error.Text;
import io.streamis.jobmanager.StreamisJobManagerProperties;
import io.streamis.launcher.client.LogPage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The platform's own log of each task (what was planned, chosen, launched, observed), one file per task. */
@Component
public class TaskLog {

    private static final Logger LOG = LoggerFactory.getLogger(TaskLog.class);
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private final Path root;

    public TaskLog(StreamisJobManagerProperties properties) {
        this.root = properties.taskLogRoot().toAbsolutePath();
    }

    public void append(long taskId, String line) {
        append(taskId, List.of(line));
    }

    /** Several lines with one timestamp, in one write (a start's intent says three things at once). */
    public void append(long taskId, List<String> lines) {
        String ts = TS.format(LocalDateTime.now());
        StringBuilder text = new StringBuilder();
        lines.forEach(l -> text.append(ts).append(' ').append(l).append('\n'));
        try {
            Files.createDirectories(root);
            Files.writeString(file(taskId), text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            LOG.warn("Cannot write task log {}: {}", taskId, e.toString());
        }
    }

    public LogPage read(long taskId, int fromLine, int pageSize, String onlyKeywords, String ignoreKeywords,
                     int lastRows) {
        Path f = file(taskId);
        if (!Files.exists(f)) {
            return LogPage.notice("undefined", Text.of("log.none", "No log content is available. Perhaps the task"
                    + " has not been scheduled"));
        }
        try {
            List<String> lines = filter(Files.readAllLines(f, StandardCharsets.UTF_8), onlyKeywords, ignoreKeywords);
            return page(f.toString(), lines, fromLine, pageSize, lastRows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keyword filter shared by every log source: keep lines with any of {@code only}, drop any of {@code ignore}. */
    public static List<String> filter(List<String> lines, String only, String ignore) {
        List<String> inc = keywords(only);
        List<String> exc = keywords(ignore);
        return lines.stream().filter(l -> inc.isEmpty() || inc.stream().anyMatch(l::contains))
                .filter(l -> exc.stream().noneMatch(l::contains)).toList();
    }

    public static LogPage page(String path, List<String> lines, int fromLine, int pageSize, int lastRows) {
        int size = pageSize <= 0 ? 100 : Math.min(pageSize, 1000);
        int from;
        if (lastRows > 0) {
            from = Math.max(0, lines.size() - lastRows);
            size = Math.min(lastRows, 1000);
        } else {
            from = Math.max(0, fromLine - 1);
        }
        int to = Math.min(lines.size(), from + size);
        List<String> out = from >= to ? List.of() : new ArrayList<>(lines.subList(from, to));
        return new LogPage(path, out, to);
    }

    private static List<String> keywords(String s) {
        return s == null || s.isBlank() ? List.of()
                : Arrays.stream(s.split(",")).map(String::trim).filter(k -> !k.isEmpty()).toList();
    }

    private Path file(long taskId) {
        return root.resolve("task-" + taskId + ".log");
    }
}
