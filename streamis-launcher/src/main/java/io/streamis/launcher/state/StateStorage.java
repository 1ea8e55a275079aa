package io.streamis.launcher.state;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/** Reads (and probes) state directories on whatever file system a cluster keeps its state. */
public interface StateStorage {

    /** Checkpoints ({@code <ckdir>/<jobId>/chk-N}) and savepoints with a non-empty {@code _metadata}. */
    List<ScannedState> scan(URI checkpointDir, URI savepointDir);

    /** The path (or its {@code _metadata}) exists and is non-empty. */
    default boolean isUsable(String path) {
        return unusable(path).isEmpty();
    }

    /**
     * Why a point cannot be restored from, as a short code: {@code missing} (no such directory),
     * {@code no-metadata} (no {@code _metadata}: in progress, or partly deleted), {@code empty-metadata},
     * {@code unreadable} (the file system did not answer); empty when it is usable.
     */
    Optional<String> unusable(String path);

    /** Bytes of the files directly in a checkpoint/savepoint directory (shared incremental files excluded). */
    long sizeOf(String path);

    /** Fails with a message naming the directory when the platform cannot write there (checked before a start). */
    void requireWritable(URI dir);
}
