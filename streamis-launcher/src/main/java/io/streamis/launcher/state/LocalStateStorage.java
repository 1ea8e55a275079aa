package io.streamis.launcher.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** State on the local file system ({@code file://}); what Flink writes with no Hadoop on the classpath. */
@Component
public class LocalStateStorage implements StateStorage {

    private static final Pattern CHK = Pattern.compile("chk-(\\d+)");

    @Override
    public List<ScannedState> scan(URI checkpointDir, URI savepointDir) {
        List<ScannedState> out = new ArrayList<>();
        Path ck = toPath(checkpointDir.toString());
        if (Files.isDirectory(ck)) {
            for (Path jobDir : list(ck)) {
                if (!Files.isDirectory(jobDir)) {
                    continue;
                }
                for (Path chk : list(jobDir)) {
                    Matcher m = CHK.matcher(chk.getFileName().toString());
                    long mtime = metadataTime(chk);
                    if (m.matches() && mtime > 0) {
                        out.add(new ScannedState(chk.toUri().toString(), StateKind.CHECKPOINT,
                                jobDir.getFileName().toString(), Long.parseLong(m.group(1)), mtime));
                    }
                }
            }
        }
        Path sp = toPath(savepointDir.toString());
        if (Files.isDirectory(sp)) {
            for (Path s : list(sp)) {
                long mtime = metadataTime(s);
                if (s.getFileName().toString().startsWith("savepoint-") && mtime > 0) {
                    out.add(new ScannedState(s.toUri().toString(), StateKind.SAVEPOINT, null, null, mtime));
                }
            }
        }
        return out;
    }

    @Override
    public boolean isUsable(String path) {
        if (path == null || path.isBlank()) {
            return false;
        }
        Path p = toPath(path);
        Path meta = p.getFileName() != null && p.getFileName().toString().equals("_metadata") ? p
                : p.resolve("_metadata");
        try {
            return Files.isRegularFile(meta) && Files.size(meta) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public long sizeOf(String path) {
        Path p = toPath(path);
        if (!Files.isDirectory(p)) {
            return 0;
        }
        long total = 0;
        for (Path f : list(p)) {
            try {
                if (Files.isRegularFile(f)) {
                    total += Files.size(f);
                }
            } catch (IOException e) {
                // A file removed while listing does not count.
            }
        }
        return total;
    }

    /** mtime of a non-empty {@code _metadata}, or 0 when there is none (an in-progress checkpoint). */
    private static long metadataTime(Path dir) {
        try {
            BasicFileAttributes a = Files.readAttributes(dir.resolve("_metadata"), BasicFileAttributes.class);
            return a.isRegularFile() && a.size() > 0 ? a.lastModifiedTime().toMillis() : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static List<Path> list(Path dir) {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            s.forEach(out::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Accepts {@code file:/x}, {@code file:///x} and plain paths. */
    static Path toPath(String location) {
        String s = location.trim();
        if (s.startsWith("file:")) {
            return Path.of(URI.create(s.replaceFirst("^file:/+", "file:///")));
        }
        return Path.of(s);
    }
}
