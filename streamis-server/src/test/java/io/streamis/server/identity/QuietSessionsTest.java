package io.streamis.server.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.session.MapSession;
import org.springframework.session.MapSessionRepository;
import org.springframework.test.context.ActiveProfiles;

/**
 * The session store is read, not written, by requests that change nothing in the session (a real Tomcat, the real
 * session filter and JDBC store); a login and a logout are written at once; the last access time moves in steps.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // The test profile leaves Spring Session out (MockMvc sessions); here the real JDBC store is the point.
        properties = "spring.autoconfigure.exclude=")
@ActiveProfiles("test")
class QuietSessionsTest {

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;

    @Test
    void readsDoNotWriteTheSessionRowAndLogoutStillEndsIt() throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String origin = "http://127.0.0.1:" + port;
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(origin
                        + "/api/rest_j/v1/user/login")).header("Content-Type", "application/json")
                .header("Origin", origin).POST(HttpRequest.BodyPublishers.ofString(
                        "{\"userName\":\"admin\",\"password\":\"admin-password-1\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.body()).contains("\"status\":0");
        // The cookie carries the session id base64-encoded (Spring Session's default serializer).
        String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("STREAMIS_SESSION="))
                .findFirst().orElseThrow();
        String id = new String(Base64.getDecoder().decode(cookie.substring(cookie.indexOf('=') + 1,
                cookie.indexOf(';'))));
        Long accessed = lastAccess(id);

        for (int i = 0; i < 5; i++) {
            assertThat(get(client, origin + "/api/rest_j/v1/user/userInfo").body()).contains("\"userName\":\"admin\"");
        }
        assertThat(lastAccess(id)).as("five reads, no write").isEqualTo(accessed);

        client.send(HttpRequest.newBuilder(URI.create(origin + "/api/rest_j/v1/user/logout")).header("Origin", origin)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM SPRING_SESSION WHERE SESSION_ID = ?", Long.class, id))
                .as("logout removes the row").isZero();
        assertThat(get(client, origin + "/api/rest_j/v1/user/userInfo").statusCode()).isEqualTo(401);
    }

    @Test
    void lastAccessMovesOnlyByATenthOfTheLifetimeAtMostAMinute() {
        MapSessionRepository store = new MapSessionRepository(new java.util.concurrent.ConcurrentHashMap<>());
        QuietSessions sessions = new QuietSessions(store);
        QuietSessions.Quiet s = sessions.createSession();
        s.setMaxInactiveInterval(Duration.ofHours(12));
        Instant t0 = s.getLastAccessedTime();
        sessions.save(s);

        QuietSessions.Quiet again = sessions.findById(s.getId());
        again.setLastAccessedTime(t0.plusSeconds(59));
        assertThat(again.getLastAccessedTime()).isEqualTo(t0);
        again.setLastAccessedTime(t0.plusSeconds(61));
        assertThat(again.getLastAccessedTime()).isEqualTo(t0.plusSeconds(61));

        MapSession shortLived = new MapSession();
        shortLived.setMaxInactiveInterval(Duration.ofMinutes(5));
        QuietSessions.Quiet brief = new QuietSessions.Quiet(shortLived);
        Instant b0 = brief.getLastAccessedTime();
        brief.setLastAccessedTime(b0.plusSeconds(29));
        assertThat(brief.getLastAccessedTime()).as("a tenth of 5 minutes is 30 s").isEqualTo(b0);
        brief.setLastAccessedTime(b0.plusSeconds(31));
        assertThat(brief.getLastAccessedTime()).isEqualTo(b0.plusSeconds(31));
    }

    private Long lastAccess(String sessionId) {
        return jdbc.queryForObject("SELECT LAST_ACCESS_TIME FROM SPRING_SESSION WHERE SESSION_ID = ?", Long.class,
                sessionId);
    }

    private static HttpResponse<String> get(HttpClient client, String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
