package io.streamis.launcher.yarn;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamis.launcher.cluster.FlinkJvmFlags;
import io.streamis.launcher.launch.FlinkConfigMapper;
import io.streamis.launcher.launch.JobKind;
import io.streamis.launcher.launch.LaunchSpec;
import io.streamis.launcher.launch.MappedConfig;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Flink/YARN keys a yarn-application deployment generates, checked without a cluster. */
class YarnDeploymentSettingsTest {

    @TempDir
    Path dir;

    @Test
    void resourceGroupQueueAndIdentityReachTheApplicationConfiguration() throws Exception {
        MappedConfig mapped = FlinkConfigMapper.map(Map.of("wds.linkis.flink.resource", Map.of(
                "wds.linkis.flink.app.parallelism", "3",
                "wds.linkis.flink.jobmanager.memory", "1536",
                "wds.linkis.flink.taskmanager.memory", "4096",
                "wds.linkis.flink.taskmanager.numberOfTaskSlots", "2",
                "wds.linkis.flink.taskmanager.cpus", "2",
                "wds.linkis.rm.yarnqueue", "streams")), URI.create("hdfs://nn:8020/s/p/j/checkpoints"), true);
        assertThat(mapped.notApplied()).isEmpty();
        LaunchSpec spec = new LaunchSpec("yarn", "Proj.Job", JobKind.SQL, "SELECT 1", null, null, List.of(), List.of(),
                List.of(), mapped.parallelism(), "hdfs://nn:8020/s/p/j/savepoints/savepoint-1", true,
                mapped.flinkConfiguration(), "sql", new LaunchSpec.Owner(42, "Proj", "Job", "v00003",
                "0123456789abcdef0123456789abcdef"));
        Configuration c = new YarnDeploymentSettings("hdfs://nn:8020/s/_flink-lib", "/opt/jdk17", FlinkJvmFlags.JAVA_17,
                dir).flinkConfiguration(spec, dir.resolve("runner.jar"), "hdfs://nn:8020/s/_flink-lib/flink-abc");
        Map<String, String> m = c.toMap();
        assertThat(m).containsEntry("execution.target", "yarn-application")
                .containsEntry("jobmanager.memory.process.size", "1536m")
                .containsEntry("taskmanager.memory.process.size", "4096m")
                .containsEntry("taskmanager.numberOfTaskSlots", "2")
                .containsEntry("yarn.containers.vcores", "2")
                .containsEntry("yarn.application.queue", "streams")
                .containsEntry("parallelism.default", "3")
                .containsEntry("$internal.pipeline.job-id", "0123456789abcdef0123456789abcdef")
                .containsEntry("yarn.provided.lib.dirs", "hdfs://nn:8020/s/_flink-lib/flink-abc")
                .containsEntry("yarn.application.name", "streamis.Proj.Job.v00003.job-42")
                .containsEntry("execution.savepoint.path", "hdfs://nn:8020/s/p/j/savepoints/savepoint-1")
                .containsEntry("execution.savepoint.ignore-unclaimed-state", "true")
                .containsEntry("execution.shutdown-on-application-finish", "false")
                .containsEntry("containerized.master.env.JAVA_HOME", "/opt/jdk17")
                .containsEntry("containerized.taskmanager.env.JAVA_HOME", "/opt/jdk17");
        assertThat(m.get("yarn.tags")).isEqualTo("streamis,streamis-job-42,"
                + "streamis-flink-0123456789abcdef0123456789abcdef,streamis-version-v00003,streamis-project-proj");
        assertThat(m.get("pipeline.jars")).endsWith("runner.jar");
        assertThat(m.get("env.java.default-opts.all")).contains("--add-opens=java.base/java.util=ALL-UNNAMED");
        Path log4j = Path.of(m.get("$internal.yarn.log-config-file"));
        assertThat(log4j.getFileName().toString()).isEqualTo("log4j.properties");
        assertThat(Files.readString(log4j)).contains("${sys:log.file}");
        assertThat(m.keySet()).containsAll(YarnDeploymentSettings.generatedKeys());
    }

    @Test
    void onASessionTheSameResourceKeysAreReportedNotApplied() {
        MappedConfig mapped = FlinkConfigMapper.map(Map.of("wds.linkis.flink.resource", Map.of(
                "wds.linkis.flink.taskmanager.memory", "4096", "wds.linkis.rm.yarnqueue", "streams")),
                URI.create("file:///tmp/c"), false);
        assertThat(mapped.flinkConfiguration()).doesNotContainKeys("taskmanager.memory.process.size",
                "yarn.application.queue");
        assertThat(mapped.notApplied()).hasSize(2);
    }
}
