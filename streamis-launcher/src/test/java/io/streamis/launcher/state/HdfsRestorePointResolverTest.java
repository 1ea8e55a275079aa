package io.streamis.launcher.state;

import io.streamis.launcher.hadoop.HadoopMiniClusters;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The same restore-point rules against a real HDFS (MiniDFSCluster in this JVM). */
class HdfsRestorePointResolverTest extends RestorePointResolverContract {

    @TempDir
    static Path base;
    static HadoopMiniClusters hadoop;

    private final String root = "/resolver-" + UUID.randomUUID();

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

    @Override
    String root() {
        return hadoop.hdfsUri() + root;
    }
}
