package io.streamis.appconn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Drives the client against a small HTTP endpoint that answers like Streamis and records what it got. */
class StreamisProjectClientTest {

    private HttpServer server;
    private final AtomicReference<String> lastHeaders = new AtomicReference<>();
    private final AtomicReference<String> lastBody = new AtomicReference<>();
    private volatile String answer = "{\"status\":0,\"message\":\"OK\",\"data\":{\"projectId\":42}}";

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            lastHeaders.set(ex.getRequestMethod() + " " + ex.getRequestURI() + " "
                    + ex.getRequestHeaders().getFirst("Token-Code") + "/" + ex.getRequestHeaders().getFirst("Token-User"));
            lastBody.set(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] b = answer.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private StreamisProjectClient client() {
        return new StreamisProjectClient("http://127.0.0.1:" + server.getAddress().getPort(), "DSS-TOKEN");
    }

    @Test
    void createsProjectAsTheDssUserWithPrivileges() {
        long id = client().createProject("alice", "p1", 7L,
                new StreamisProjectClient.Privileges(List.of("alice"), List.of("bob"), List.of()));
        assertThat(id).isEqualTo(42);
        assertThat(lastHeaders.get()).isEqualTo("POST /api/rest_j/v1/streamis/project/createProject DSS-TOKEN/alice");
        assertThat(lastBody.get()).contains("\"projectName\":\"p1\"").contains("\"editUsers\":[\"bob\"]");
    }

    @Test
    void reportsRefusalsWithStreamisMessage() {
        answer = "{\"status\":1,\"message\":\"the project name is exist: p1\",\"data\":{}}";
        assertThatThrownBy(() -> client().createProject("alice", "p1", null,
                new StreamisProjectClient.Privileges(List.of(), List.of(), List.of())))
                .hasMessageContaining("the project name is exist: p1");
    }

    @Test
    void searchReturnsNullForUnknownProjects() {
        answer = "{\"status\":0,\"message\":\"OK\",\"data\":{\"projectId\":null}}";
        assertThat(client().searchProject("alice", "nope")).isNull();
    }
}
