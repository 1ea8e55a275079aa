package io.streamis.server;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the server boundary (prefix {@code streamis.server}).
 *
 * @param adminPassword   password of the {@code admin} user created on first start; generated when blank
 * @param defaultProject  project created on first start, releasable by admin
 * @param gateway         trusted Linkis/DSS gateway mode (off by default)
 */
@ConfigurationProperties(prefix = "streamis.server")
public record StreamisServerProperties(String adminPassword, String defaultProject, Gateway gateway) {

    public StreamisServerProperties {
        defaultProject = defaultProject == null || defaultProject.isBlank() ? "default" : defaultProject;
        gateway = gateway == null ? new Gateway(false, null, null, null) : gateway;
    }

    /**
     * In gateway mode the user is taken from the Linkis gateway: the {@code Token-User} header when
     * {@code Token-Code} is one of {@code tokens}, or the ticket cookie (trusted only behind the gateway).
     *
     * @param enabled      whether gateway identities are accepted
     * @param tokens       accepted {@code Token-Code} values
     * @param ticketCookie name of the gateway's user cookie
     * @param proxyCookie  name of the gateway's proxy-user cookie
     */
    public record Gateway(boolean enabled, List<String> tokens, String ticketCookie, String proxyCookie) {
        public Gateway {
            tokens = tokens == null ? List.of() : List.copyOf(tokens);
            ticketCookie = ticketCookie == null ? "linkis_user_session_ticket_id_v1" : ticketCookie;
            proxyCookie = proxyCookie == null ? "linkis_user_session_proxy_ticket_id_v1" : proxyCookie;
        }
    }
}
