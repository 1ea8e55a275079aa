package io.streamis.server.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamis.server.support.ApiTestSupport;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Gateway mode: an identity from the Linkis gateway is trusted only when proven, by a known {@code Token-Code} sent
 * from a configured gateway address. MockMvc requests come from 127.0.0.1, the configured gateway here.
 */
@SpringBootTest(properties = {"streamis.server.gateway.enabled=true", "streamis.server.gateway.tokens=DSS-TOKEN",
        "streamis.server.gateway.addresses=127.0.0.1"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
class GatewayIdentityApiTest {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;

    private static MockHttpServletRequestBuilder userInfo() {
        return get(ApiTestSupport.API + "/user/userInfo");
    }

    @Test
    void acceptsAKnownTokenFromTheGatewayAddress() throws Exception {
        ApiTestSupport api = new ApiTestSupport(mvc, json);
        assertThat(api.call(userInfo().header("Token-Code", "DSS-TOKEN").header("Token-User", "alice"))
                .at("/data/userName").asText()).isEqualTo("alice");
    }

    @Test
    void anythingUnprovenIsAnonymous() throws Exception {
        ApiTestSupport api = new ApiTestSupport(mvc, json);
        assertThat(api.call(userInfo().header("Token-Code", "WRONG").header("Token-User", "alice"))
                .get("status").asInt()).as("unknown token").isEqualTo(-1);
        assertThat(api.call(userInfo().header("Token-Code", "DSS-TOKEN").header("Token-User", "alice")
                .with(r -> {
                    r.setRemoteAddr("10.9.9.9");
                    return r;
                })).get("status").asInt()).as("known token from an address that is not the gateway").isEqualTo(-1);
        assertThat(api.call(userInfo().cookie(new Cookie("linkis_user_session_ticket_id_v1", "admin")))
                .get("status").asInt()).as("the ticket cookie names nobody: anyone can set it").isEqualTo(-1);
        assertThat(api.call(userInfo().cookie(new Cookie("linkis_user_session_proxy_ticket_id_v1", "admin")))
                .get("status").asInt()).as("nor the proxy cookie").isEqualTo(-1);
        assertThat(api.call(userInfo().header("Token-Code", "DSS-TOKEN")).get("status").asInt())
                .as("a token without a user").isEqualTo(-1);
    }

    @Test
    void aGatewayUserSeesOnlyProjectsItHoldsAPrivilegeOn() throws Exception {
        ApiTestSupport api = new ApiTestSupport(mvc, json);
        assertThat(api.call(get(ApiTestSupport.API + "/streamis/project/list").header("Token-Code", "DSS-TOKEN")
                .header("Token-User", "carol")).at("/data/projects").size()).isZero();
    }

    @Test
    void theGeneratedOpenApiDescribesTheCompatibleSurfaceAndNeedsAUser() throws Exception {
        String doc = mvc.perform(get(ApiTestSupport.API + "/openapi.json").header("Token-Code", "DSS-TOKEN")
                .header("Token-User", "alice")).andReturn().getResponse().getContentAsString();
        assertThat(doc).contains("/api/rest_j/v1/streamis/streamJobManager/job/upload")
                .contains("/api/rest_j/v1/streamis/streamJobManager/job/bulk/execution");
        assertThat(mvc.perform(get(ApiTestSupport.API + "/openapi.json")).andReturn().getResponse().getStatus())
                .isEqualTo(401);
    }
}
