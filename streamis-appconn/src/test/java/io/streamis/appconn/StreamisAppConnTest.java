package io.streamis.appconn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import com.webank.wedatasphere.dss.standard.common.exception.operation.ExternalOperationFailedException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The AppConn driven as DSS drives it (instance → init() → project service → operation) against a JDK HTTP server
 * standing in for Streamis: asserts what reaches the wire (method, path, DSS's query parameters, JSON body, cookies,
 * gateway token headers) and how answers become DSS results or {@link ExternalOperationFailedException}s.
 */
class StreamisAppConnTest {

    /** What the server received. */
    record Seen(String method, String path, Map<String, String> query, String body, String cookies,
                String tokenCode, String tokenUser) {
    }

    private static HttpServer server;
    private static DssDriver dss;
    private static final List<Seen> seen = new CopyOnWriteArrayList<>();
    private static volatile int answerHttp = 200;
    private static volatile String answer = "{}";

    @BeforeAll
    static void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            URI uri = ex.getRequestURI();
            seen.add(new Seen(ex.getRequestMethod(), uri.getPath(), query(uri.getRawQuery()),
                    new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                    ex.getRequestHeaders().getFirst("Cookie"), ex.getRequestHeaders().getFirst("Token-Code"),
                    ex.getRequestHeaders().getFirst("Token-User")));
            byte[] out = answer.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(answerHttp, out.length);
            try (OutputStream os = ex.getResponseBody()) {
                os.write(out);
            }
        });
        server.start();
        dss = new DssDriver("http://127.0.0.1:" + server.getAddress().getPort() + "/", "dss-token-1", "TICKET-abc");
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @BeforeEach
    void reset() {
        seen.clear();
        answerHttp = 200;
    }

    @Test
    void createPostsTheProjectWithItsPrivilegesThroughDssSsoPath() throws Exception {
        answer = "{\"method\":\"/api/rest_j/v1/streamis/project/createProject\",\"status\":0,\"message\":\"OK\","
                + "\"data\":{\"projectName\":\"p1\",\"projectId\":42}}";
        Long id = dss.create("alice", "p1", DssDriver.privilege("alice", "bob,carol", "dave"));

        assertEquals(42L, id);
        Seen s = only();
        assertEquals("POST", s.method());
        assertEquals("/api/rest_j/v1/streamis/project/createProject", s.path());
        assertDssQuery(s);
        assertTrue(s.body().contains("\"projectName\":\"p1\""), s.body());
        assertTrue(s.body().contains("\"workspaceId\":7"), s.body());
        assertTrue(s.body().contains("\"releaseUsers\":[\"alice\"]"), s.body());
        assertTrue(s.body().contains("\"editUsers\":[\"bob\",\"carol\"]"), s.body());
        assertTrue(s.body().contains("\"accessUsers\":[\"dave\"]"), s.body());
        assertCookiesAndToken(s, "alice");
    }

    @Test
    void updatePutsIdNameAndPrivileges() throws Exception {
        answer = "{\"status\":0,\"message\":\"OK\",\"data\":{}}";
        dss.update("alice", 42, "p1-renamed", DssDriver.privilege("alice", "-", "erin"));

        Seen s = only();
        assertEquals("PUT", s.method());
        assertEquals("/api/rest_j/v1/streamis/project/updateProject", s.path());
        assertDssQuery(s);
        assertTrue(s.body().contains("\"projectId\":42"), s.body());
        assertTrue(s.body().contains("\"projectName\":\"p1-renamed\""), s.body());
        assertTrue(s.body().contains("\"editUsers\":[]"), s.body());
        assertTrue(s.body().contains("\"accessUsers\":[\"erin\"]"), s.body());
        assertCookiesAndToken(s, "alice");
    }

    @Test
    void deleteSendsTheProjectIdAsQueryParameter() throws Exception {
        answer = "{\"status\":0,\"message\":\"OK\",\"data\":{}}";
        dss.delete("alice", 42);

        Seen s = only();
        assertEquals("DELETE", s.method());
        assertEquals("/api/rest_j/v1/streamis/project/deleteProject", s.path());
        assertEquals("42", s.query().get("projectId"));
        assertDssQuery(s);
        assertCookiesAndToken(s, "alice");
    }

    @Test
    void searchAnswersTheIdOrNothing() throws Exception {
        answer = "{\"status\":0,\"message\":\"OK\",\"data\":{\"projectId\":9}}";
        assertEquals(9L, dss.search("alice", "p 1"));
        Seen s = only();
        assertEquals("GET", s.method());
        assertEquals("/api/rest_j/v1/streamis/project/searchProject", s.path());
        assertEquals("p 1", s.query().get("projectName"));
        assertDssQuery(s);

        answer = "{\"status\":0,\"message\":\"OK\",\"data\":{\"projectId\":null}}";
        assertNull(dss.search("alice", "absent"));
    }

    @Test
    void envelopeStatusOtherThanZeroIsAnExternalOperationFailure() {
        answerHttp = 400;
        answer = "{\"status\":1,\"message\":\"the project name is exist: p1\",\"data\":{\"errorCode\":\"CONFLICT\"}}";
        ExternalOperationFailedException e = assertThrows(ExternalOperationFailedException.class,
                () -> dss.create("alice", "p1", DssDriver.privilege("alice", "-", "-")));
        assertTrue(e.getMessage().contains("the project name is exist: p1"), e.getMessage());
        assertTrue(e.getMessage().contains("CONFLICT"), e.getMessage());

        // Status 3 (no permission) with HTTP 200 too: the envelope decides, not the HTTP status.
        answerHttp = 200;
        answer = "{\"status\":3,\"message\":\"no release privilege\",\"data\":{}}";
        e = assertThrows(ExternalOperationFailedException.class, () -> dss.delete("bob", 42));
        assertTrue(e.getMessage().contains("no release privilege"), e.getMessage());
    }

    @Test
    void anAnswerThatIsNoEnvelopeIsAFailureToo() {
        answerHttp = 502;
        answer = "<html>Bad Gateway</html>";
        assertThrows(ExternalOperationFailedException.class, () -> dss.search("alice", "p1"));
    }

    private static Seen only() {
        assertEquals(1, seen.size(), "requests: " + seen);
        return seen.get(0);
    }

    /** The parameters DSS's SSO URL builder adds to every AppConn call. */
    private static void assertDssQuery(Seen s) {
        assertEquals("http://dss.example:8088", s.query().get("dssurl"));
        assertEquals("bdapWorkspace", s.query().get("workspace"));
        assertEquals("streamis", s.query().get("appName"));
        assertTrue(s.query().get("cookies").contains(DssDriver.TICKET_COOKIE + "=TICKET-abc"), s.query().toString());
    }

    private static void assertCookiesAndToken(Seen s, String user) {
        assertTrue(s.cookies() != null && s.cookies().contains(DssDriver.TICKET_COOKIE + "=TICKET-abc"),
                "cookies: " + s.cookies());
        assertTrue(s.cookies().contains("workspaceName=bdapWorkspace"), s.cookies());
        assertTrue(s.cookies().contains("workspaceId=7"), s.cookies());
        assertEquals("dss-token-1", s.tokenCode());
        assertEquals(user, s.tokenUser());
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> m = new LinkedHashMap<>();
        if (raw == null) {
            return m;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            m.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return m;
    }


}
