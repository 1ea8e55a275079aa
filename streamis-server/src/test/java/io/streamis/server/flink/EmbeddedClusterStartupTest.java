package io.streamis.server.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamis.launcher.cluster.EmbeddedFlinkCluster;
import io.streamis.server.StreamisServerApplication;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.io.FileUtils;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The embedded cluster starts in the background while the rest of the server starts: the server still reports
 * itself ready only with the cluster up (health says so), and a cluster that cannot start still fails the start.
 */
class EmbeddedClusterStartupTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ConfigurableApplicationContext server(Path data, String... extra) {
        String[] args = {
            "--server.port=0",
            "--streamis.data-dir=" + data,
            "--streamis.server.admin-password=admin-password-1",
            "--streamis.launcher.embedded.slots=2",
            "--logging.level.root=WARN"};
        return new SpringApplicationBuilder(StreamisServerApplication.class).run(
                Stream.concat(Arrays.stream(args), Arrays.stream(extra)).toArray(String[]::new));
    }

    @Test
    void aReadyServerHasItsEmbeddedClusterUpAndHealthSaysSo() throws Exception {
        Path data = Files.createTempDirectory("streamis-embedded-ready");
        try (ConfigurableApplicationContext ctx = server(data)) {
            EmbeddedFlinkCluster.State state = ctx.getBean(EmbeddedFlinkCluster.class).state();
            assertThat(state.phase()).as("up before the start-up runners finished").isEqualTo(
                    EmbeddedFlinkCluster.Phase.UP);
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + ctx.getEnvironment().getProperty("local.server.port");
            HttpResponse<String> readiness = http.send(HttpRequest.newBuilder(URI.create(base
                    + "/actuator/health/readiness")).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
            JsonNode flink = JSON.readTree(readiness.body()).at("/components/embeddedFlink");
            assertThat(flink.path("status").asText()).as(readiness.body()).isEqualTo("UP");
            assertThat(flink.at("/details/restUrl").asText()).isEqualTo(state.restUrl());
            HttpResponse<String> overview = http.send(HttpRequest.newBuilder(URI.create(state.restUrl()
                    + "/overview")).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(JSON.readTree(overview.body()).path("slots-total").asInt()).isEqualTo(2);
        } finally {
            FileUtils.deleteQuietly(data.toFile());
        }
    }

    /**
     * The embedded cluster's REST API accepts any jar and runs it inside the server, so it must not be reachable from
     * another machine: it answers on loopback and on none of this machine's other addresses.
     */
    @Test
    void theEmbeddedRestPortAnswersOnLoopbackOnly() throws Exception {
        List<InetAddress> others = new ArrayList<>();
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback()) {
                Collections.list(nic.getInetAddresses()).stream()
                        .filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress()).forEach(others::add);
            }
        }
        assumeThat(others).as("a network address other than loopback to probe").isNotEmpty();
        Path data = Files.createTempDirectory("streamis-embedded-loopback");
        try (ConfigurableApplicationContext ctx = server(data)) {
            int port = URI.create(ctx.getBean(EmbeddedFlinkCluster.class).state().restUrl()).getPort();
            try (Socket loopback = new Socket()) {
                loopback.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
            }
            for (InetAddress a : others) {
                assertThatThrownBy(() -> {
                    try (Socket s = new Socket()) {
                        s.connect(new InetSocketAddress(a, port), 2000);
                    }
                }).as("the embedded REST port answered on " + a.getHostAddress()).isInstanceOf(IOException.class);
            }
        } finally {
            FileUtils.deleteQuietly(data.toFile());
        }
    }

    @Test
    void anEmbeddedClusterThatCannotStartFailsTheServersStart() throws Exception {
        Path data = Files.createTempDirectory("streamis-embedded-fails");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThatThrownBy(() -> server(data, "--streamis.launcher.embedded.rest-port=" + taken.getLocalPort())
                    .close())
                    .hasMessageContaining("Cannot start the embedded Flink cluster");
        } finally {
            FileUtils.deleteQuietly(data.toFile());
        }
    }

    @Test
    void aStartThatFailsBeforeTheClusterBeanExistsStillClosesTheCluster() throws Exception {
        Path data = Files.createTempDirectory("streamis-embedded-closed");
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = free.getLocalPort();
        }
        try {
            // The datasource fails while the web server is created, before any bean needs the cluster.
            assertThatThrownBy(() -> server(data, "--streamis.launcher.embedded.rest-port=" + port,
                    "--spring.datasource.url=jdbc:streamis-no-such-driver:x").close());
            // Once its start has ended, its REST port is free: the cluster was closed, not left running.
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (t.getName().equals("streamis-embedded-flink-start")) {
                    t.join(60_000);
                }
            }
            try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
                assertThat(again.getLocalPort()).isEqualTo(port);
            }
        } finally {
            FileUtils.deleteQuietly(data.toFile());
        }
    }
}
