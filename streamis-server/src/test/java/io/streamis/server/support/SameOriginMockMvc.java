package io.streamis.server.support;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.test.autoconfigure.web.servlet.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Test MockMvc calls come from the server's own page, as the UI's do: every request carries
 * {@code Origin: http://localhost} (MockMvc's host) unless a test sets another. The cross-site tests send foreign
 * origins, or build a MockMvc without this customizer, to prove the refusals.
 */
@AutoConfiguration
@ConditionalOnClass(MockMvcBuilderCustomizer.class)
public class SameOriginMockMvc {

    public static final String OWN_ORIGIN = "http://localhost";

    @Bean
    MockMvcBuilderCustomizer sameOriginRequests() {
        return builder -> builder.defaultRequest(get("/").header("Origin", OWN_ORIGIN));
    }
}
