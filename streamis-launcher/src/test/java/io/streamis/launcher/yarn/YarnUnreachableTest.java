package io.streamis.launcher.yarn;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamis.launcher.client.FlinkClusterException;
import io.streamis.launcher.cluster.FlinkJvmFlags;
import io.streamis.launcher.launch.JobKind;
import io.streamis.launcher.launch.LaunchSpec;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A ResourceManager that does not answer is a clear error on the start within seconds, never a hang. */
class YarnUnreachableTest {

    @TempDir
    Path dir;

    @Test
    void deployToADeadResourceManagerFailsNamingIt() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Files.writeString(dir.resolve("yarn-site.xml"), """
                <configuration>
                  <property><name>yarn.resourcemanager.address</name><value>127.0.0.1:%d</value></property>
                </configuration>
                """.formatted(port));
        YarnConnection yarn = new YarnConnection("dead", dir.toString());
        YarnApplicationDeployer deployer = new YarnApplicationDeployer("dead", yarn,
                new FlinkRuntimeLibrary(dir.resolve("no-lib")), new YarnDeploymentSettings(dir.toUri() + "lib", null,
                FlinkJvmFlags.JAVA_17, dir));
        LaunchSpec spec = new LaunchSpec("dead", "p.j", JobKind.SQL, "SELECT 1", null, null, List.of(), List.of(),
                List.of(), 1, null, false, Map.of(), "sql", new LaunchSpec.Owner(1, "p", "j", "v1",
                "0123456789abcdef0123456789abcdef"));
        try {
            assertThatThrownBy(() -> deployer.deploy(spec, dir.resolve("x.jar"), "Main", List.of()))
                    .isInstanceOf(FlinkClusterException.class)
                    .hasMessageContaining("YARN ResourceManager of cluster 'dead'")
                    .hasMessageContaining("127.0.0.1:" + port);
        } finally {
            yarn.close();
        }
    }

    @Test
    void aClusterWithoutHadoopConfigurationIsRefusedAtStartup() {
        assertThatThrownBy(() -> new YarnConnection("nohadoop", dir.resolve("missing").toString()))
                .hasMessageContaining("hadoop-conf-dir").hasMessageContaining("nohadoop");
    }
}
