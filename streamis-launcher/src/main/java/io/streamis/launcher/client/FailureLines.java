package io.streamis.launcher.client;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A log written into this stream keeps only the lines that can explain a failure — warnings and errors, lines
 * naming an exception or error, {@code Caused by}, and YARN's container diagnostics — and of those only the last
 * {@code maxLines}, each cut at {@code maxLineChars}. Memory stays bounded whatever the log's size: one line
 * buffer and the kept lines. Stack frames are dropped (the catalogue matches messages, and frames carry none).
 * Values of secret-looking keys ({@code password=…}, {@code sasl.jaas.config=…}, tokens) are masked, so an
 * excerpt can be shown to a job's readers.
 */
public final class FailureLines extends OutputStream {

    private static final Pattern LEVEL = Pattern.compile("(?:^|[ \\[])(WARN|WARNING|ERROR|FATAL)(?:[ \\]:]|$)");
    private static final Pattern CAUSE = Pattern.compile("Caused by|Exception|Error[ :]|Error$|Diagnostics"
            + "|exit ?code|exceeding|beyond (?:physical|virtual) memory|killed", Pattern.CASE_INSENSITIVE);
    private static final Pattern FRAME = Pattern.compile("^\\s+(?:at |\\.\\.\\. \\d+ (?:more|common frames))");
    private static final Pattern SECRET = Pattern.compile("(?i)((?:password|passwd|secret|token|credential"
            + "|jaas[.]config|access[._-]?key|secret[._-]?key|api[._-]?key)[\"']?\\s*[=:]\\s*)"
            + "(\"[^\"]*\"?|'[^']*'?|[^\\s,;]+)");

    private final int maxLines;
    private final int maxLineChars;
    private final ArrayDeque<String> kept = new ArrayDeque<>();
    /** Bytes of the current line; at most a line's worth (4 bytes per char) is held, the rest is skipped. */
    private byte[] line = new byte[256];
    private int length;
    private boolean cut;

    public FailureLines(int maxLines, int maxLineChars) {
        this.maxLines = maxLines;
        this.maxLineChars = maxLineChars;
    }

    @Override
    public void write(int b) {
        if (b == '\n') {
            endLine();
        } else if (length < maxLineChars * 4L) {
            if (length == line.length) {
                line = Arrays.copyOf(line, (int) Math.min(line.length * 2L, maxLineChars * 4L));
            }
            line[length++] = (byte) b;
        } else {
            cut = true;
        }
    }

    @Override
    public void write(byte[] b, int off, int len) {
        for (int i = off; i < off + len; i++) {
            write(b[i]);
        }
    }

    @Override
    public void close() {
        if (length > 0) {
            endLine();
        }
    }

    /** The kept lines, oldest first (a line still being written counts once the stream is closed). */
    public List<String> lines() {
        return List.copyOf(kept);
    }

    private void endLine() {
        String text = new String(line, 0, length, StandardCharsets.UTF_8).stripTrailing();
        boolean longer = cut;
        length = 0;
        cut = false;
        if (text.isBlank() || !explains(text)) {
            return;
        }
        if (text.length() > maxLineChars) {
            text = text.substring(0, maxLineChars);
            longer = true;
        }
        kept.addLast(mask(text) + (longer ? " …" : ""));
        if (kept.size() > maxLines) {
            kept.removeFirst();
        }
    }

    static boolean explains(String line) {
        if (FRAME.matcher(line).find()) {
            return false;
        }
        return LEVEL.matcher(line).find() || CAUSE.matcher(line).find();
    }

    /** {@code key=value} and {@code key: value} of secret-looking keys keep the key and lose the value. */
    public static String mask(String line) {
        return SECRET.matcher(line).replaceAll("$1******");
    }
}
