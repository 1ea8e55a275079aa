package io.streamis.server.identity;

import io.streamis.common.error.StreamisException;
import io.streamis.server.StreamisServerProperties;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Establishes who is calling: the session set by {@code /user/login}, or (gateway mode only) the Linkis gateway's
 * token headers or user cookie. Anything else is "not logged in".
 */
@Component
public class IdentityInterceptor implements HandlerInterceptor {

    public static final String USER_ATTRIBUTE = "streamis.user";
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

    private String resolve(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SESSION_USER) instanceof String u) {
            return u;
        }
        StreamisServerProperties.Gateway gw = properties.gateway();
        if (!gw.enabled()) {
            return null;
        }
        String code = request.getHeader("Token-Code");
        String tokenUser = request.getHeader("Token-User");
        if (code != null && tokenUser != null && !tokenUser.isBlank() && gw.tokens().contains(code)) {
            return tokenUser;
        }
        if (request.getCookies() != null) {
            for (Cookie c : request.getCookies()) {
                if (c.getName().equals(gw.proxyCookie()) && !c.getValue().isBlank()) {
                    return c.getValue();
                }
            }
            for (Cookie c : request.getCookies()) {
                if (c.getName().equals(gw.ticketCookie()) && !c.getValue().isBlank()) {
                    return c.getValue();
                }
            }
        }
        return null;
    }
}
