package io.streamis.server.yarn;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamis.common.job.TaskStatus;
import io.streamis.jobmanager.lifecycle.StartCause;
import io.streamis.jobmanager.lifecycle.StartOutcome;
import io.streamis.jobmanager.lifecycle.StartService;
import io.streamis.jobmanager.task.StreamTask;
import io.streamis.jobmanager.task.TaskMapper;
import io.streamis.jobmanager.upload.JobImportService;
import io.streamis.server.StreamisServerApplication;
import java.io.ByteArrayInputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.commons.io.FileUtils;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The platform with a {@code yarn-application} cluster whose ResourceManager nobody serves (issue 9, bad input): the
 * start returns while deploying, then the run is FAILED with a cause that names the ResourceManager, within seconds
 * (fail-fast client retries), not a start left STARTING. No mini YARN: the point is that there is none.
 */
class YarnUnreachablePlatformTest {

    @TempDir
    Path dir;

    @Test
    void aStartOnADeadResourceManagerFailsNamingIt() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path conf = Files.createDirectories(dir.resolve("hadoop-conf"));
        Files.writeString(conf.resolve("yarn-site.xml"), """
                <configuration>
                  <property><name>yarn.resourcemanager.address</name><value>127.0.0.1:%d</value></property>
                </configuration>
                """.formatted(port));
        Path data = Files.createDirectories(dir.resolve("server"));
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(StreamisServerApplication.class).run(
                "--server.port=0", "--streamis.data-dir=" + data,
                "--streamis.server.admin-password=admin-password-1",
                "--spring.datasource.url=jdbc:h2:file:" + data.resolve("db/streamis")
                        + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;NON_KEYWORDS=KEY,VALUE",
                "--streamis.launcher.embedded.enabled=false",
                "--streamis.launcher.default-cluster=dead",
                "--streamis.launcher.flink-lib-dir=" + System.getProperty("streamis.flinkLibDir",
                        "../streamis-flink-lib/target/flink-lib"),
                "--streamis.launcher.clusters.dead.type=yarn-application",
                "--streamis.launcher.clusters.dead.hadoop-conf-dir=" + conf,
                "--streamis.launcher.clusters.dead.state-root=" + dir.resolve("state").toUri(),
                "--streamis.jobmanager.monitor.interval=500ms",
                "--logging.level.root=WARN")) {
            long jobId = ctx.getBean(JobImportService.class).importZip("admin", "default", "job.zip",
                    new ByteArrayInputStream(YarnServers.sqlZip("dead_rm")), null).jobId();
            StartOutcome started = ctx.getBean(StartService.class).start(jobId, "admin", null, StartCause.USER);
            assertThat(started.status()).isEqualTo(TaskStatus.STARTING);
            TaskMapper tasks = ctx.getBean(TaskMapper.class);
            StreamTask failed = Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                    .until(() -> tasks.selectById(started.taskId()),
                            t -> t.taskStatus() == TaskStatus.FAILED);
            assertThat(failed.errDesc()).contains("YARN ResourceManager of cluster 'dead'")
                    .contains("127.0.0.1:" + port);
        } finally {
            FileUtils.deleteQuietly(dir.toFile());
        }
    }
}
