package io.streamis.launcher.state;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

/** Writes checkpoint-shaped directories on any Flink file system, for the storage and resolver tests. */
final class StateFiles {

    private StateFiles() {
    }

    /** Creates {@code dir} and, unless {@code metadata} is null, its {@code _metadata}; returns the dir's URI. */
    static String point(String dir, String metadata) throws IOException {
        Path p = new Path(dir);
        FileSystem fs = p.getFileSystem();
        fs.mkdirs(p);
        if (metadata != null) {
            try (OutputStream out = fs.create(new Path(p, "_metadata"), FileSystem.WriteMode.OVERWRITE)) {
                out.write(metadata.getBytes(StandardCharsets.UTF_8));
            }
        }
        return p.toString();
    }

    /** The same location spelt differently (trailing slash; {@code file:///} for {@code file:/}). */
    static String otherSpelling(String uri) {
        String s = uri.startsWith("file:/") && !uri.startsWith("file:///") ? "file:///" + uri.substring(6) : uri;
        return s + "/";
    }
}
