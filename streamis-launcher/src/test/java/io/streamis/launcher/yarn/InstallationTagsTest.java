package io.streamis.launcher.yarn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamis.launcher.cluster.FlinkJvmFlags;
import io.streamis.launcher.launch.JobKind;
import io.streamis.launcher.launch.LaunchSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two installations on one YARN: each watches and reattaches only its own applications (tagged with its id) and
 * the untagged ones deployed before applications carried an installation, and another installation's job with the
 * same job id does not block a start.
 */
class InstallationTagsTest {

    private static final String OURS = YarnTags.installation("0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a");
    private static final String THEIRS = YarnTags.installation("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b");
    private static final String OUR_RUN = "11111111111111111111111111111111";
    private static final String THEIR_RUN = "22222222222222222222222222222222";
    private static final String OLD_RUN = "33333333333333333333333333333333";

    @TempDir
    Path dir;

    private TestingYarnConnection yarn;

    @AfterEach
    void close() {
        if (yarn != null) {
            yarn.close();
        }
    }

    private TestingYarnConnection yarnWithThreeInstallationsApplications() {
        yarn = new TestingYarnConnection(dir);
        yarn.add(YarnApplicationState.ACCEPTED, YarnTags.PLATFORM, OURS, YarnTags.job(7), YarnTags.flinkJob(OUR_RUN));
        yarn.add(YarnApplicationState.ACCEPTED, YarnTags.PLATFORM, THEIRS, YarnTags.job(7),
                YarnTags.flinkJob(THEIR_RUN));
        // Deployed by a version that did not tag installations (still running after the upgrade).
        yarn.add(YarnApplicationState.ACCEPTED, YarnTags.PLATFORM, YarnTags.job(8), YarnTags.flinkJob(OLD_RUN));
        return yarn;
    }

    @Test
    void theGatewayWatchesItsOwnApplicationsAndTheUntaggedOnesOfEarlierVersions() {
        YarnApplicationGateway gateway = new YarnApplicationGateway("yarn", yarnWithThreeInstallationsApplications(),
                new ObjectMapper(), OURS);
        assertThat(gateway.jobsOverview().keySet()).containsExactlyInAnyOrder(OUR_RUN, OLD_RUN);
        assertThat(yarn.liveQueries.get()).as("still one ResourceManager query per poll").isEqualTo(1);
    }

    @Test
    void withoutAnInstallationIdEveryApplicationOfThePlatformCountsAsBefore() {
        YarnApplicationGateway gateway = new YarnApplicationGateway("yarn", yarnWithThreeInstallationsApplications(),
                new ObjectMapper());
        assertThat(gateway.jobsOverview().keySet()).containsExactlyInAnyOrder(OUR_RUN, THEIR_RUN, OLD_RUN);
    }

    @Test
    void anotherInstallationsJobWithTheSameIdDoesNotBlockAStartButOurOwnOrAnUntaggedOneDoes() {
        yarn = new TestingYarnConnection(dir);
        yarn.add(YarnApplicationState.RUNNING, YarnTags.PLATFORM, THEIRS, YarnTags.job(7), YarnTags.flinkJob(THEIR_RUN));
        YarnApplicationDeployer deployer = new YarnApplicationDeployer("yarn", yarn,
                new FlinkRuntimeLibrary(dir.resolve("no-lib")), new YarnDeploymentSettings(dir.toUri() + "lib", null,
                FlinkJvmFlags.JAVA_17, dir, OURS));
        LaunchSpec spec = new LaunchSpec("yarn", "p.j7", JobKind.SQL, "SELECT 1", null, null, List.of(), List.of(),
                List.of(), 1, null, false, Map.of(), "sql", new LaunchSpec.Owner(7, "p", "j7", "v1", OUR_RUN));
        // Past the check, the deployment goes on (and stops at the runtime this test does not have).
        assertThatThrownBy(() -> deployer.deploy(spec, dir.resolve("x.jar"), "Main", List.of()))
                .hasMessageContaining("Cannot read the Flink runtime in " + dir.resolve("no-lib"));

        yarn.add(YarnApplicationState.RUNNING, YarnTags.PLATFORM, YarnTags.job(7), YarnTags.flinkJob(OLD_RUN));
        assertThatThrownBy(() -> deployer.deploy(spec, dir.resolve("x.jar"), "Main", List.of()))
                .hasMessageContaining("already has a live YARN application application_1700000000000_0002");
    }

    @Test
    void aStartsApplicationCarriesItsInstallationsTag() {
        LaunchSpec spec = new LaunchSpec("yarn", "p.j7", JobKind.SQL, "SELECT 1", null, null, List.of(), List.of(),
                List.of(), 1, null, false, Map.of(), "sql", new LaunchSpec.Owner(7, "p", "j7", "v1", OUR_RUN));
        String tags = new YarnDeploymentSettings("hdfs://nn/lib", null, FlinkJvmFlags.JAVA_17, dir, OURS)
                .flinkConfiguration(spec, dir.resolve("x.jar"), "hdfs://nn/lib/h").toMap().get("yarn.tags");
        assertThat(tags.split(",")).contains("streamis", OURS, "streamis-job-7");
        assertThat(OURS).isEqualTo("streamis-installation-0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a");
    }
}
