package io.streamis.jobmanager.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.streamis.common.error.ErrorCode;
import io.streamis.common.error.StreamisException;
import io.streamis.jobmanager.StreamisJobManagerProperties;
import io.streamis.jobmanager.job.StreamJob;
import io.streamis.launcher.cluster.ClusterTarget;
import io.streamis.launcher.cluster.FlinkClusters;
import io.streamis.launcher.state.StateLocations;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which confirmed restore paths a start accepts: a table of paths against the job's dirs and the admin roots. */
class RestorePathRuleTest {

    @TempDir static Path tmp;
    static Path state;
    static RestorePathRule rule;
    static final StreamJob JOB = new StreamJob(1, "proj", "orders", "alice", null, null, null, "flink.sql", "alice",
            null, "v00001", true, 1);

    @BeforeEach
    void setUp() throws Exception {
        state = tmp.resolve("state");
        Files.createDirectories(state.resolve("proj/orders/savepoints/savepoint-1"));
        Files.createDirectories(state.resolve("other/secret/checkpoints/abc/chk-3"));
        Files.createDirectories(tmp.resolve("shared/migration"));
        StateLocations locations = new StateLocations() {
            @Override
            public URI checkpointDir(String cluster, String project, String job) {
                return state.resolve(project + "/" + job + "/checkpoints").toUri();
            }

            @Override
            public URI savepointDir(String cluster, String project, String job) {
                return state.resolve(project + "/" + job + "/savepoints").toUri();
            }
        };
        StreamisJobManagerProperties props = new StreamisJobManagerProperties(null, null, null, null, null, null,
                null, null, null, null, List.of(tmp.resolve("shared").toString(), "hdfs://nn:8020/savepoints"), null, null);
        FlinkClusters oneCluster = new FlinkClusters() {
            @Override
            public ClusterTarget target(String name) {
                throw new UnsupportedOperationException();
            }

            @Override
            public String defaultCluster() {
                return "embedded";
            }

            @Override
            public List<String> names() {
                return List.of("embedded");
            }

            @Override
            public boolean isEmbedded(String name) {
                return true;
            }
        };
        rule = new RestorePathRule(locations, oneCluster, props);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "STATE/proj/orders/savepoints/savepoint-1        | accepted",
            "file:STATE/proj/orders/savepoints/savepoint-1   | accepted",
            "STATE/proj/orders/checkpoints/abc/chk-9         | accepted",
            "STATE/proj/orders/savepoints/not-there-yet      | accepted",
            "TMP/shared/migration/savepoint-7                | accepted",
            "hdfs://nn:8020/savepoints/orders/savepoint-2    | accepted",
            "STATE/other/secret/checkpoints/abc/chk-3        | refused",
            "STATE/proj/orders/savepoints/../../../other/secret/checkpoints/abc/chk-3 | refused",
            "STATE/proj/orders-evil/savepoints/sp            | refused",
            "/etc/passwd                                     | refused",
            "hdfs://other:8020/savepoints/orders/savepoint-2 | refused",
            "hdfs://nn:8020/savepoints-evil/x                | refused",
            "s3://bucket/savepoints                          | refused",
            "relative/savepoint                              | refused"})
    void confirmedPaths(String path, String expected) {
        String p = path.replace("STATE", state.toString()).replace("TMP", tmp.toString());
        if (p.startsWith("file:")) {
            p = "file://" + p.substring("file:".length());
        }
        String given = p;
        if (expected.equals("accepted")) {
            assertThatCode(() -> rule.check(JOB, given)).doesNotThrowAnyException();
        } else {
            try {
                rule.check(JOB, given);
                throw new AssertionError("accepted " + given);
            } catch (StreamisException e) {
                assertThat(e.code()).isEqualTo(ErrorCode.RESTORE_PATH_REFUSED);
                assertThat(e.getMessage()).contains("under the job's own state directories")
                        .contains("streamis.jobmanager.restore-roots");
            }
        }
    }

    @Test
    void aLinkInsideTheJobsDirectoryCannotLeadOutOfIt() throws Exception {
        Path link = state.resolve("proj/orders/savepoints/escape");
        Files.createSymbolicLink(link, state.resolve("other/secret"));
        try {
            rule.check(JOB, link.resolve("checkpoints/abc/chk-3").toString());
            throw new AssertionError("followed the link out of the job's directory");
        } catch (StreamisException e) {
            assertThat(e.code()).isEqualTo(ErrorCode.RESTORE_PATH_REFUSED);
        }
    }

    @Test
    void noPathIsNothingToCheck() {
        assertThatCode(() -> rule.check(JOB, null)).doesNotThrowAnyException();
        assertThatCode(() -> rule.check(JOB, " ")).doesNotThrowAnyException();
    }
}
