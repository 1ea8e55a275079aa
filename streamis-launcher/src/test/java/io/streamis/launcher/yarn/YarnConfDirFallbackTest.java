package io.streamis.launcher.yarn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A yarn-application cluster without {@code hadoop-conf-dir} reads its site files from {@code HADOOP_CONF_DIR},
 * else {@code YARN_CONF_DIR}; with neither it is refused naming what to set. Each candidate directory carries its
 * own ResourceManager address and default file system, so the assertion shows which directory was read.
 */
class YarnConfDirFallbackTest {

    @TempDir
    Path base;

    private Path siteDir(String name) throws Exception {
        Path dir = Files.createDirectories(base.resolve(name));
        Files.writeString(dir.resolve("yarn-site.xml"), """
                <configuration>
                  <property><name>yarn.resourcemanager.address</name><value>rm-%s.example:8032</value></property>
                </configuration>
                """.formatted(name));
        Files.writeString(dir.resolve("core-site.xml"), """
                <configuration>
                  <property><name>fs.defaultFS</name><value>hdfs://nn-%s.example:8020</value></property>
                </configuration>
                """.formatted(name));
        return dir;
    }

    private static YarnConnection connect(String hadoopConfDir, Map<String, String> env) {
        return new YarnConnection("onyarn", hadoopConfDir, env::get);
    }

    private static void assertReadFrom(YarnConnection yarn, Path dir, String name) {
        YarnConfiguration conf = yarn.conf();
        assertThat(yarn.confDir()).isEqualTo(dir.toAbsolutePath());
        assertThat(conf.get(YarnConfiguration.RM_ADDRESS)).isEqualTo("rm-" + name + ".example:8032");
        assertThat(conf.get("fs.defaultFS")).isEqualTo("hdfs://nn-" + name + ".example:8020");
    }

    @Test
    void withoutHadoopConfDirTheSiteFilesComeFromHadoopConfDirBeforeYarnConfDir() throws Exception {
        Path hadoop = siteDir("hadoop");
        Path yarnOnly = siteDir("yarn");
        try (YarnConnection yarn = connect(null, Map.of("HADOOP_CONF_DIR", hadoop.toString(),
                "YARN_CONF_DIR", yarnOnly.toString()))) {
            assertReadFrom(yarn, hadoop, "hadoop");
        }
        try (YarnConnection yarn = connect(" ", Map.of("HADOOP_CONF_DIR", hadoop.toString()))) {
            assertReadFrom(yarn, hadoop, "hadoop");
        }
    }

    @Test
    void withoutHadoopConfDirAndHadoopConfDirVariableTheSiteFilesComeFromYarnConfDir() throws Exception {
        Path yarnOnly = siteDir("yarn");
        try (YarnConnection yarn = connect(null, Map.of("YARN_CONF_DIR", yarnOnly.toString()))) {
            assertReadFrom(yarn, yarnOnly, "yarn");
        }
        // A blank HADOOP_CONF_DIR is unset, as in Hadoop's own scripts.
        Map<String, String> env = new HashMap<>();
        env.put("HADOOP_CONF_DIR", "");
        env.put("YARN_CONF_DIR", yarnOnly.toString());
        try (YarnConnection yarn = connect(null, env)) {
            assertReadFrom(yarn, yarnOnly, "yarn");
        }
    }

    @Test
    void theClustersOwnHadoopConfDirWinsOverTheEnvironment() throws Exception {
        Path own = siteDir("own");
        try (YarnConnection yarn = connect(own.toString(), Map.of("HADOOP_CONF_DIR", siteDir("hadoop").toString(),
                "YARN_CONF_DIR", siteDir("yarn").toString()))) {
            assertReadFrom(yarn, own, "own");
        }
    }

    @Test
    void withNeitherTheClusterIsRefusedNamingTheSettingsToSet() {
        assertThatThrownBy(() -> connect(null, Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Flink cluster 'onyarn'")
                .hasMessageContaining("streamis.launcher.clusters.onyarn.hadoop-conf-dir")
                .hasMessageContaining("HADOOP_CONF_DIR")
                .hasMessageContaining("YARN_CONF_DIR");
    }

    @Test
    void aVariableNamingAMissingDirectoryIsRefusedRatherThanSkipped() throws Exception {
        Path missing = base.resolve("gone");
        Path yarnOnly = siteDir("yarn");
        assertThatThrownBy(() -> connect(null, Map.of("HADOOP_CONF_DIR", missing.toString(),
                "YARN_CONF_DIR", yarnOnly.toString())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("HADOOP_CONF_DIR = " + missing)
                .hasMessageContaining("is not a directory");
    }
}
