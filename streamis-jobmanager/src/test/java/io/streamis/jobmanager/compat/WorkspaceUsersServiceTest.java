package io.streamis.jobmanager.compat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** With DSS configured, {@code /config/getWorkspaceUsers} is DSS's answer for the caller's workspace. */
class WorkspaceUsersServiceTest {

    private HttpServer dss;

    @AfterEach
    void stop() {
        if (dss != null) {
            dss.stop(0);
        }
    }

    @Test
    void asksDssForTheWorkspaceUsersWithTheCallersCookie() throws Exception {
        AtomicReference<String> query = new AtomicReference<>();
        AtomicReference<String> cookie = new AtomicReference<>();
        dss = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        dss.createContext("/api/rest_j/v1/dss/framework/workspace/getWorkspaceUsers", ex -> {
            query.set(ex.getRequestURI().getQuery());
            cookie.set(ex.getRequestHeaders().getFirst("Cookie"));
            byte[] body = """
                    {"method":"x","status":0,"message":"OK","data":{"workspaceUsers":[{"name":"alice"},{"name":"bob"}]}}
                    """.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        dss.start();
        URI url = URI.create("http://127.0.0.1:" + dss.getAddress().getPort());
        // The project fallback is not reached when DSS answers (no project service needed).
        WorkspaceUsersService service = new WorkspaceUsersService(new CompatProperties(null, null, url), null, null,
                new ObjectMapper());

        assertThat(service.users("alice", null, "7", "workspaceId=7; ticket=t")).containsExactly("alice", "bob");
        assertThat(query.get()).isEqualTo("workspaceId=7");
        assertThat(cookie.get()).isEqualTo("workspaceId=7; ticket=t");
    }
}
