package io.streamis.server.identity;

import io.streamis.common.error.StreamisException;
import io.streamis.server.StreamisServerProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Establishes who is calling: the session set by {@code /user/login}, or (gateway mode only) the user the Linkis
 * gateway names in {@code Token-User}, when the request proves it comes from the gateway (see
 * {@link StreamisServerProperties.Gateway}). Anything else, the gateway's ticket cookie included, is anonymous.
 */
@Component
public class IdentityInterceptor implements HandlerInterceptor {

    public static final String USER_ATTRIBUTE = "streamis.user";
    /** Set when the identity came from a proven gateway token: such a request carries no ambient credential. */
    public static final String TOKEN_PROVEN = "streamis.identity.token";
    static final String SESSION_USER = "streamis.user";

    private final StreamisServerProperties properties;

    public IdentityInterceptor(StreamisServerProperties properties) {
        this.properties = properties;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String user = resolve(request);
        if (user == null) {
            throw StreamisException.notLoggedIn();
        }
        request.setAttribute(USER_ATTRIBUTE, user);
        return true;
    }

    /** The caller's user name, or null when nobody is logged in (no exception: the session probe asks this). */
    String resolve(HttpServletRequest request) {
        String tokenUser = gatewayUser(request);
        if (tokenUser != null) {
            request.setAttribute(TOKEN_PROVEN, Boolean.TRUE);
            return tokenUser;
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SESSION_USER) instanceof String u) {
            return u;
        }
        return null;
    }

    /** The gateway's user, only with a known token from a known gateway address; otherwise null. */
    private String gatewayUser(HttpServletRequest request) {
        StreamisServerProperties.Gateway gw = properties.gateway();
        String code = request.getHeader("Token-Code");
        String user = request.getHeader("Token-User");
        if (!gw.enabled() || code == null || user == null || user.isBlank()
                || !gw.addresses().contains(request.getRemoteAddr())) {
            return null;
        }
        byte[] given = code.getBytes(StandardCharsets.UTF_8);
        // Constant-time comparison: the token is a shared secret.
        boolean known = gw.tokens().stream()
                .anyMatch(t -> MessageDigest.isEqual(t.getBytes(StandardCharsets.UTF_8), given));
        return known ? user.trim() : null;
    }
}
