package io.streamis.launcher.yarn;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * While a start's verdict waits for an ended deployment's aggregated JobManager log (up to 90 s, a look every
 * 150 ms), the ResourceManager is asked about that job at most once per {@link
 * YarnApplicationGateway#ENDED_ASK_INTERVAL}, not at every look.
 */
class EndedDeploymentAsksTest {

    private static final String FLINK_JOB = "0123456789abcdef0123456789abcdef";

    @TempDir
    Path confDir;

    private TestingYarnConnection yarn;

    @AfterEach
    void close() {
        if (yarn != null) {
            yarn.close();
        }
    }

    @Test
    void anEndedDeploymentIsAskedAboutOncePerIntervalWhateverTheNumberOfLooks() {
        yarn = new TestingYarnConnection(confDir);
        yarn.add(YarnApplicationState.FAILED, YarnTags.flinkJob(FLINK_JOB));
        AtomicLong now = new AtomicLong(1_000_000_000L);
        YarnApplicationGateway gateway = new YarnApplicationGateway("yarn", yarn, new ObjectMapper(), null, now::get);

        for (int look = 0; look < 20; look++) {
            assertThat(gateway.endedDeployment(FLINK_JOB)).hasValueSatisfying(d -> assertThat(d)
                    .contains("application_1700000000000_0001 ended FAILED"));
            // Nothing aggregated for it: no excerpt, and the question is not repeated at every look either.
            assertThat(gateway.endedJobManagerExcerpt(FLINK_JOB)).isEmpty();
            now.addAndGet(100_000_000L); // a look every 100 ms: 2 s in all
        }
        int endedAfterTwoSeconds = yarn.endedQueries.get();
        int liveAfterTwoSeconds = yarn.liveQueries.get();
        // One question for the deployment and one for the log's application in each 2 s interval.
        assertThat(endedAfterTwoSeconds).isEqualTo(2);
        assertThat(liveAfterTwoSeconds).isEqualTo(1);

        now.addAndGet(YarnApplicationGateway.ENDED_ASK_INTERVAL.toNanos());
        assertThat(gateway.endedDeployment(FLINK_JOB)).isPresent();
        assertThat(gateway.endedJobManagerExcerpt(FLINK_JOB)).isEmpty();
        assertThat(yarn.endedQueries.get()).as("asked again once the interval passed").isEqualTo(4);
    }

    @Test
    void eachJobIsThrottledOnItsOwn() {
        yarn = new TestingYarnConnection(confDir);
        yarn.add(YarnApplicationState.FAILED, YarnTags.flinkJob(FLINK_JOB));
        AtomicLong now = new AtomicLong(5L);
        YarnApplicationGateway gateway = new YarnApplicationGateway("yarn", yarn, new ObjectMapper(), null, now::get);
        assertThat(gateway.endedDeployment(FLINK_JOB)).isPresent();
        assertThat(gateway.endedDeployment("fedcba9876543210fedcba9876543210")).isEqualTo(Optional.empty());
        assertThat(yarn.endedQueries.get()).isEqualTo(2);
    }
}
