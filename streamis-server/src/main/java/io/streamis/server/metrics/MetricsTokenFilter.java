package io.streamis.server.metrics;

import io.streamis.server.StreamisServerProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /actuator/prometheus} answers only a scraper that sends {@code Authorization: Bearer <token>} with the
 * configured {@code streamis.server.metrics.token} (compared in constant time); without a configured token it
 * answers nobody. The series name jobs and clusters, so they are not for anonymous eyes.
 */
@Configuration
class MetricsTokenFilter {

    static final String PATH = "/actuator/prometheus";

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> prometheusToken(StreamisServerProperties properties) {
        StreamisServerProperties.Metrics metrics = properties.metrics();
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                            FilterChain chain) throws ServletException, IOException {
                if (metrics.enabled() && bearerMatches(request.getHeader("Authorization"), metrics.token())) {
                    chain.doFilter(request, response);
                    return;
                }
                response.setHeader("WWW-Authenticate", "Bearer realm=\"streamis-metrics\"");
                response.sendError(HttpServletResponse.SC_UNAUTHORIZED, metrics.enabled()
                        ? "a valid bearer token is required" : "metrics scraping is off (streamis.server.metrics.token)");
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> reg = new FilterRegistrationBean<>(filter);
        reg.addUrlPatterns(PATH, PATH + "/*");
        reg.setName("prometheusToken");
        return reg;
    }

    static boolean bearerMatches(String header, String token) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return MessageDigest.isEqual(header.substring(7).trim().getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8));
    }
}
