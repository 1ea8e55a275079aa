package io.streamis.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the server boundary (prefix {@code streamis.server}).
 *
 * @param adminPassword     password of the {@code admin} user created on first start; generated when blank
 * @param adminPasswordFile where a generated admin password is written (owner-only), never to a log
 * @param defaultProject    project created on first start, releasable by admin
 * @param gateway           trusted Linkis/DSS gateway mode (off by default)
 * @param security          cross-site and login defences
 * @param metrics           who may scrape {@code /actuator/prometheus}
 */
@ConfigurationProperties(prefix = "streamis.server")
public record StreamisServerProperties(String adminPassword, Path adminPasswordFile, String defaultProject,
                                       Gateway gateway, Security security, Metrics metrics) {

    public StreamisServerProperties {
        adminPasswordFile = adminPasswordFile == null ? Path.of("data", "admin-password") : adminPasswordFile;
        defaultProject = defaultProject == null || defaultProject.isBlank() ? "default" : defaultProject;
        gateway = gateway == null ? new Gateway(false, null, null) : gateway;
        security = security == null ? new Security(null, null, null, null) : security;
        metrics = metrics == null ? new Metrics(null) : metrics;
    }

    /**
     * @param token the bearer token a scraper must send to {@code /actuator/prometheus}; blank = nobody may
     *              (the endpoint then answers 401 to everyone)
     */
    public record Metrics(String token) {
        public boolean enabled() {
            return token != null && !token.isBlank();
        }
    }

    /**
     * In gateway mode a request may name its user in {@code Token-User}, but only when it proves it comes from the
     * gateway: its {@code Token-Code} is one of {@code tokens} and it arrives from one of {@code addresses}. The
     * Linkis ticket cookie is never trusted (anyone can set a cookie); such a request is anonymous.
     *
     * @param enabled   whether gateway identities are accepted
     * @param tokens    accepted {@code Token-Code} values (shared secrets)
     * @param addresses IP addresses the gateway calls from; a token from anywhere else is ignored
     */
    public record Gateway(boolean enabled, List<String> tokens, List<String> addresses) {
        public Gateway {
            tokens = tokens == null ? List.of() : List.copyOf(tokens);
            addresses = addresses == null ? List.of() : List.copyOf(addresses);
        }
    }

    /**
     * @param allowedOrigins    origins (e.g. {@code https://dss.example.com}) besides the server's own that may send
     *                          state-changing requests with the session cookie
     * @param loginMaxFailures  failed logins of one user from one address before further attempts are refused
     * @param loginWindow       failures older than this no longer count
     * @param loginLockout      how long attempts are refused once the limit is reached
     */
    public record Security(List<String> allowedOrigins, Integer loginMaxFailures, Duration loginWindow,
                           Duration loginLockout) {
        public Security {
            allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
            loginMaxFailures = loginMaxFailures == null ? 5 : loginMaxFailures;
            loginWindow = loginWindow == null ? Duration.ofMinutes(15) : loginWindow;
            loginLockout = loginLockout == null ? Duration.ofMinutes(15) : loginLockout;
        }
    }
}
