package io.streamis.server.flink;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.io.FileUtils;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import io.streamis.server.StreamisServerApplication;

/** A real Flink standalone session cluster in separate JVMs (flink-cluster/start-cluster.sh), for tests. */
public final class StandaloneCluster implements AutoCloseable {

    static final Path HOME = Path.of("..", "flink-cluster").toAbsolutePath().normalize();

    public final Path runDir;
    public final String restUrl;

    private StandaloneCluster(Path runDir, String restUrl) {
        this.runDir = runDir;
        this.restUrl = restUrl;
    }

    public static StandaloneCluster start(String flinkVersion, int slots) throws Exception {
        Path run = Files.createTempDirectory("streamis-flink-" + flinkVersion + "-");
        ProcessBuilder pb = new ProcessBuilder(HOME.resolve("start-cluster.sh").toString(), run.toString());
        pb.environment().put("FLINK_VERSION", flinkVersion);
        pb.environment().put("FLINK_REST_PORT", String.valueOf(freePort()));
        pb.environment().put("FLINK_RPC_PORT", String.valueOf(freePort()));
        pb.environment().put("FLINK_SLOTS", String.valueOf(slots));
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
            stop(run);
            throw new IllegalStateException("Flink " + flinkVersion + " cluster did not start; see " + run.resolve("log"));
        }
        return new StandaloneCluster(run, out.substring(out.lastIndexOf('\n') + 1));
    }

    /** Starts a Streamis server whose only cluster is this one, on a file H2 database under {@code data}. */
    ConfigurableApplicationContext server(Path data) {
        return new SpringApplicationBuilder(StreamisServerApplication.class).run(List.of(
                "--server.port=0",
                "--streamis.data-dir=" + data,
                "--streamis.server.admin-password=admin-password-1",
                "--spring.datasource.url=jdbc:h2:file:" + data.resolve("db/streamis")
                        + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;NON_KEYWORDS=KEY,VALUE",
                "--streamis.launcher.embedded.enabled=false",
                "--streamis.launcher.default-cluster=standalone",
                "--streamis.launcher.clusters.standalone.type=standalone",
                "--streamis.launcher.clusters.standalone.rest-url=" + restUrl,
                "--streamis.jobmanager.monitor.interval=500ms",
                "--logging.level.root=WARN").toArray(String[]::new));
    }

    @Override
    public void close() throws Exception {
        stop(runDir);
    }

    private static void stop(Path run) throws Exception {
        new ProcessBuilder(HOME.resolve("stop-cluster.sh").toString(), run.toString()).inheritIO().start()
                .waitFor(60, TimeUnit.SECONDS);
        FileUtils.deleteQuietly(run.toFile());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
