package io.streamis.server.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamis.common.error.ErrorCode;
import io.streamis.server.support.ApiTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The session cookie is ambient: a foreign page can make the browser send it. State-changing requests therefore
 * need a same-origin proof; reads do not. Failed logins are throttled per user and address.
 */
@SpringBootTest(properties = {"streamis.server.security.allowed-origins=https://dss.example.com",
        "streamis.server.security.login-max-failures=3"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
class CrossSiteAndLoginApiTest {

    static final String JOB = ApiTestSupport.API + "/streamis/streamJobManager/job";
    static final String FILES = ApiTestSupport.API + "/streamis/streamProjectManager/project/files";

    @Autowired MockMvc mvc;
    @Autowired WebApplicationContext context;
    @Autowired ObjectMapper json;
    ApiTestSupport api;
    MockHttpSession admin;

    @BeforeEach
    void logIn() throws Exception {
        api = new ApiTestSupport(mvc, json);
        admin = api.login("admin", "admin-password-1");
    }

    private void assertRefusedAsCrossSite(JsonNode r) {
        assertThat(r.get("status").asInt()).as(r.toString()).isEqualTo(3);
        assertThat(r.at("/data/errorCode").asText()).isEqualTo(ErrorCode.CROSS_SITE_REFUSED.name());
    }

    /** The request passed the guard: it reached the endpoint, which answered about the (missing) job. */
    private void assertPassedTheGuard(JsonNode r) {
        assertThat(r.at("/data/errorCode").asText()).as(r.toString())
                .isNotEqualTo(ErrorCode.CROSS_SITE_REFUSED.name());
    }

    @Test
    void stateChangingRequestsFromAForeignOriginAreRefused() throws Exception {
        assertRefusedAsCrossSite(api.call(post(JOB + "/execute").session(admin).header("Origin", "https://evil.example")
                .contentType(MediaType.APPLICATION_JSON).content("{\"jobId\":999}")));
        // The 0.3.x GETs that change state: an <img src=...> on a foreign page sends the cookie and its Referer.
        assertRefusedAsCrossSite(api.call(get(JOB + "/stop").session(admin).param("jobId", "999")
                .header("Origin", "https://evil.example")));
        assertRefusedAsCrossSite(api.call(get(FILES + "/delete").session(admin).param("fileName", "a.jar").param("projectName", "default")
                .header("Origin", "null")));
        assertRefusedAsCrossSite(api.call(get(FILES + "/version/delete").session(admin).param("ids", "1")
                .header("Origin", "https://localhost.evil.example")));
        assertRefusedAsCrossSite(api.call(post(ApiTestSupport.API + "/user/login")
                .header("Origin", "https://evil.example").contentType(MediaType.APPLICATION_JSON)
                .content("{\"userName\":\"admin\",\"password\":\"admin-password-1\"}")));
    }

    @Test
    void sameOriginAndAllowedOriginsPass() throws Exception {
        assertPassedTheGuard(api.call(get(JOB + "/stop").session(admin).param("jobId", "999")));
        assertPassedTheGuard(api.call(post(JOB + "/execute").session(admin).header("Origin", "https://dss.example.com")
                .contentType(MediaType.APPLICATION_JSON).content("{\"jobId\":999}")));
        assertThat(api.call(get(JOB + "/list").session(admin).param("projectName", "default")
                .header("Origin", "https://evil.example")).get("status").asInt())
                .as("a read is no cross-site risk (the browser does not let the foreign page see the answer)")
                .isZero();
    }

    @Test
    void withoutOriginARefererOrTheRequestedWithHeaderIsTheProof() throws Exception {
        // A MockMvc without the test default Origin: what a client sends when it sends nothing.
        MockMvc bare = MockMvcBuilders.webAppContextSetup(context).build();
        ApiTestSupport raw = new ApiTestSupport(bare, json);
        MockHttpServletRequestBuilder stop = get(JOB + "/stop").session(admin).param("jobId", "999");
        assertRefusedAsCrossSite(raw.call(stop));
        assertRefusedAsCrossSite(raw.call(get(JOB + "/stop").session(admin).param("jobId", "999")
                .header("Referer", "https://evil.example/page")));
        assertPassedTheGuard(raw.call(get(JOB + "/stop").session(admin).param("jobId", "999")
                .header("Referer", "http://localhost/#/jobs")));
        assertPassedTheGuard(raw.call(get(JOB + "/stop").session(admin).param("jobId", "999")
                .header("X-Requested-With", "XMLHttpRequest")));
    }

    @Test
    void failedLoginsAreThrottledPerUserAndAddress() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(login("alice-throttled", "wrong", "10.1.1.1").get("status").asInt()).isEqualTo(-1);
        }
        JsonNode locked = login("alice-throttled", "wrong", "10.1.1.1");
        assertThat(locked.at("/data/errorCode").asText()).as(locked.toString())
                .isEqualTo(ErrorCode.LOGIN_THROTTLED.name());
        assertThat(locked.get("message").asText()).contains("Too many failed logins");
        // Another address is not locked out by someone guessing elsewhere.
        assertThat(login("alice-throttled", "wrong", "10.2.2.2").at("/data/errorCode").asText())
                .isEqualTo(ErrorCode.NOT_LOGGED_IN.name());

        for (int i = 0; i < 3; i++) {
            login("admin", "wrong", "10.3.3.3");
        }
        assertThat(login("admin", "admin-password-1", "10.3.3.3").at("/data/errorCode").asText())
                .as("even the right password is refused while locked").isEqualTo(ErrorCode.LOGIN_THROTTLED.name());
        assertThat(login("admin", "admin-password-1", "10.4.4.4").get("status").asInt()).isZero();
    }

    private JsonNode login(String user, String password, String address) throws Exception {
        return api.call(post(ApiTestSupport.API + "/user/login").with(r -> {
            r.setRemoteAddr(address);
            return r;
        }).contentType(MediaType.APPLICATION_JSON)
                .content("{\"userName\":\"" + user + "\",\"password\":\"" + password + "\"}"));
    }
}
