package io.streamis.launcher.state;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import org.springframework.stereotype.Component;

/**
 * State on any file system Flink can write to, through Flink's own {@link FileSystem}: {@code file://} natively,
 * {@code hdfs://} through Hadoop's client, and whatever scheme a Flink file-system plugin on the classpath adds
 * (s3, oss). The same code scans all of them, so the restore rules do not depend on where state lives.
 */
@Component
public class FileSystemStateStorage implements StateStorage {

    private static final Pattern CHK = Pattern.compile("chk-(\\d+)");
    private static final String METADATA = "_metadata";

    @Override
    public List<ScannedState> scan(URI checkpointDir, URI savepointDir) {
        List<ScannedState> out = new ArrayList<>();
        for (FileStatus jobDir : list(new Path(checkpointDir))) {
            if (!jobDir.isDir()) {
                continue;
            }
            for (FileStatus chk : list(jobDir.getPath())) {
                Matcher m = CHK.matcher(chk.getPath().getName());
                long mtime = m.matches() ? metadataTime(chk.getPath()) : 0;
                if (mtime > 0) {
                    out.add(new ScannedState(chk.getPath().toString(), StateKind.CHECKPOINT,
                            jobDir.getPath().getName(), Long.parseLong(m.group(1)), mtime));
                }
            }
        }
        for (FileStatus s : list(new Path(savepointDir))) {
            long mtime = s.getPath().getName().startsWith("savepoint-") ? metadataTime(s.getPath()) : 0;
            if (mtime > 0) {
                out.add(new ScannedState(s.getPath().toString(), StateKind.SAVEPOINT, null, null, mtime));
            }
        }
        return out;
    }

    @Override
    public Optional<String> unusable(String path) {
        if (path == null || path.isBlank()) {
            return Optional.of("missing");
        }
        try {
            Path dir = pointDir(path);
            if (metadataTime(dir) > 0) {
                return Optional.empty();
            }
            FileSystem fs = dir.getFileSystem();
            if (!fs.exists(dir)) {
                return Optional.of("missing");
            }
            return Optional.of(fs.exists(new Path(dir, METADATA)) ? "empty-metadata" : "no-metadata");
        } catch (IOException | RuntimeException e) {
            return Optional.of("unreadable");
        }
    }

    @Override
    public long sizeOf(String path) {
        long total = 0;
        for (FileStatus f : list(pointDir(path))) {
            if (!f.isDir()) {
                total += f.getLen();
            }
        }
        return total;
    }

    @Override
    public void requireWritable(URI dir) {
        Path probe = new Path(new Path(dir), ".streamis-write-check");
        try {
            FileSystem fs = probe.getFileSystem();
            fs.mkdirs(probe.getParent());
            try (var out = fs.create(probe, FileSystem.WriteMode.OVERWRITE)) {
                out.write(1);
            }
            fs.delete(probe, false);
        } catch (IOException | RuntimeException e) {
            throw new StateStorageException("State directory " + dir + " cannot be written: " + e.getMessage(), e);
        }
    }

    /** A point is named by its directory or its {@code _metadata} file; both lead to the directory. */
    private static Path pointDir(String location) {
        Path p = new Path(location.trim());
        return METADATA.equals(p.getName()) ? p.getParent() : p;
    }

    /** mtime of a non-empty {@code _metadata}, or 0 when there is none (an in-progress or broken point). */
    private static long metadataTime(Path dir) {
        try {
            Path meta = new Path(dir, METADATA);
            FileStatus s = meta.getFileSystem().getFileStatus(meta);
            return !s.isDir() && s.getLen() > 0 ? Math.max(1, s.getModificationTime()) : 0;
        } catch (FileNotFoundException e) {
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Children of a directory; none when it does not exist (Flink may discard a checkpoint while we scan). */
    private static List<FileStatus> list(Path dir) {
        try {
            FileStatus[] children = dir.getFileSystem().listStatus(dir);
            return children == null ? List.of() : List.of(children);
        } catch (FileNotFoundException e) {
            return List.of();
        } catch (IOException e) {
            throw new StateStorageException("Cannot list " + dir + ": " + e.getMessage(), e);
        }
    }
}
