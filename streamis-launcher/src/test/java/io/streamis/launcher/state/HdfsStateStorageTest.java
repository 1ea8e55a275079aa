package io.streamis.launcher.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.streamis.launcher.hadoop.HadoopMiniClusters;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** State storage on a real HDFS: the scan, the {@code _metadata} check, sizes and the write probe. */
class HdfsStateStorageTest {

    @TempDir
    static Path base;
    static HadoopMiniClusters hadoop;

    private final FileSystemStateStorage storage = new FileSystemStateStorage();

    @BeforeAll
    static void startHdfs() throws Exception {
        hadoop = HadoopMiniClusters.start(base, false);
    }

    @AfterAll
    static void stopHdfs() {
        if (hadoop != null) {
            hadoop.close();
        }
    }

    @Test
    void scansCheckpointsAndSavepointsWithNonEmptyMetadataOnHdfs() throws Exception {
        String job = hadoop.hdfsUri() + "/state/p/j";
        StateFiles.point(job + "/checkpoints/abc/chk-3", "x");
        StateFiles.point(job + "/checkpoints/abc/chk-4", null);
        StateFiles.point(job + "/checkpoints/abc/chk-5", "");
        StateFiles.point(job + "/checkpoints/abc/shared", null);
        String sp = StateFiles.point(job + "/savepoints/savepoint-abc123-1", "yy");
        List<ScannedState> found = storage.scan(URI.create(job + "/checkpoints"), URI.create(job + "/savepoints"));
        assertThat(found).extracting(ScannedState::kind, ScannedState::flinkJobId, ScannedState::checkpointId)
                .containsExactlyInAnyOrder(tuple(StateKind.CHECKPOINT, "abc", 3L), tuple(StateKind.SAVEPOINT, null, null));
        assertThat(found).allSatisfy(s -> assertThat(s.path()).startsWith("hdfs://"));
        assertThat(storage.isUsable(sp)).isTrue();
        assertThat(storage.isUsable(sp + "/_metadata")).isTrue();
        assertThat(storage.isUsable(job + "/checkpoints/abc/chk-5")).isFalse();
        assertThat(storage.isUsable(job + "/nothing")).isFalse();
        assertThat(storage.sizeOf(sp)).isEqualTo(2);
        assertThat(storage.scan(URI.create(job + "/none"), URI.create(job + "/none2"))).isEmpty();
    }

    @Test
    void aWritableRootPassesTheProbeAndAnUnreachableOneIsNamed() throws Exception {
        storage.requireWritable(URI.create(hadoop.hdfsUri() + "/state/probe"));
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        URI dead = URI.create("hdfs://127.0.0.1:" + closedPort + "/state");
        assertThatThrownBy(() -> storage.requireWritable(dead)).isInstanceOf(StateStorageException.class)
                .hasMessageContaining(dead.toString()).hasMessageContaining("cannot be written");
    }
}
