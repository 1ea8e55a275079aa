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

/** Trusted-gateway mode: identities from the Linkis gateway's token headers or ticket cookie. */
@SpringBootTest(properties = {"streamis.server.gateway.enabled=true", "streamis.server.gateway.tokens=DSS-TOKEN"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
class GatewayIdentityApiTest {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;

    @Test
    void acceptsAKnownTokenAndRefusesAnUnknownOne() throws Exception {
        ApiTestSupport api = new ApiTestSupport(mvc, json);
        assertThat(api.call(get(ApiTestSupport.API + "/user/userInfo").header("Token-Code", "DSS-TOKEN")
                .header("Token-User", "alice")).at("/data/userName").asText()).isEqualTo("alice");
        assertThat(api.call(get(ApiTestSupport.API + "/user/userInfo").header("Token-Code", "WRONG")
                .header("Token-User", "alice")).get("status").asInt()).isEqualTo(-1);
        assertThat(api.call(get(ApiTestSupport.API + "/user/userInfo")
                .cookie(new Cookie("linkis_user_session_ticket_id_v1", "bob"))).at("/data/userName").asText())
                .isEqualTo("bob");
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
