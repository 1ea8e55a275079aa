package io.streamis.launcher.state;

import java.net.URI;
import java.util.List;

/** Reads (and probes) state directories on whatever file system a cluster keeps its state. */
public interface StateStorage {

    /** Checkpoints ({@code <ckdir>/<jobId>/chk-N}) and savepoints with a non-empty {@code _metadata}. */
    List<ScannedState> scan(URI checkpointDir, URI savepointDir);

    /** The path (or its {@code _metadata}) exists and is non-empty. */
    boolean isUsable(String path);

    /** Bytes of the files directly in a checkpoint/savepoint directory (shared incremental files excluded). */
    long sizeOf(String path);

    /** Fails with a message naming the directory when the platform cannot write there (checked before a start). */
    void requireWritable(URI dir);
}
