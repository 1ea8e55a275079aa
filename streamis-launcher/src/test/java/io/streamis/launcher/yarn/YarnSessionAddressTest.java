package io.streamis.launcher.yarn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamis.launcher.client.FlinkClusterException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A {@code yarn-session} cluster finds its Flink session's REST address from the YARN application it names. */
class YarnSessionAddressTest {

    @TempDir
    Path dir;

    @Test
    void aRunningSessionIsReachedAtTheAddressYarnReports() {
        TestingYarnConnection yarn = new TestingYarnConnection(dir);
        ApplicationReport session = yarn.add(YarnApplicationState.RUNNING, "flink-session");
        session.setHost("nm-3.example");
        session.setRpcPort(40123);
        YarnSessionAddress address = new YarnSessionAddress("ys", yarn, session.getApplicationId().toString(), null);
        assertThat(address.restUrl()).isEqualTo("http://nm-3.example:40123");
    }

    @Test
    void aSessionWhoseJobManagerYarnRestartedElsewhereIsFoundAgain() {
        TestingYarnConnection yarn = new TestingYarnConnection(dir);
        ApplicationReport session = yarn.add(YarnApplicationState.RUNNING, "flink-session");
        session.setHost("nm-3.example");
        session.setRpcPort(40123);
        AtomicLong nanos = new AtomicLong();
        YarnSessionAddress address = new YarnSessionAddress("ys", yarn, session.getApplicationId().toString(), null,
                nanos::get);
        assertThat(address.restUrl()).isEqualTo("http://nm-3.example:40123");
        // A second application attempt: YARN brought the JobManager up on another NodeManager.
        session.setHost("nm-5.example");
        session.setRpcPort(38001);
        nanos.addAndGet(YarnSessionAddress.REASK.toNanos() - 1);
        assertThat(address.restUrl()).as("within the re-ask interval, no ResourceManager query")
                .isEqualTo("http://nm-3.example:40123");
        nanos.addAndGet(1);
        assertThat(address.restUrl()).isEqualTo("http://nm-5.example:38001");
    }

    @Test
    void aSessionThatIsNotRunningIsAClearErrorNamingTheApplication() {
        TestingYarnConnection yarn = new TestingYarnConnection(dir);
        ApplicationReport session = yarn.add(YarnApplicationState.ACCEPTED, "flink-session");
        YarnSessionAddress address = new YarnSessionAddress("ys", yarn, session.getApplicationId().toString(), null);
        assertThatThrownBy(address::restUrl).isInstanceOf(FlinkClusterException.class)
                .hasMessageContaining("cluster 'ys'").hasMessageContaining(session.getApplicationId().toString())
                .hasMessageContaining("ACCEPTED");
    }

    @Test
    void aFixedRestUrlNeedsNoResourceManagerAndNeitherIsRefused() {
        TestingYarnConnection yarn = new TestingYarnConnection(dir);
        assertThat(new YarnSessionAddress("ys", yarn, null, "http://jm:8081").restUrl()).isEqualTo("http://jm:8081");
        assertThatThrownBy(() -> new YarnSessionAddress("ys", yarn, " ", null))
                .hasMessageContaining("streamis.launcher.clusters.ys (yarn-session) needs the application-id");
    }
}
