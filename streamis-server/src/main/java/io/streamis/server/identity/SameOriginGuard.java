package io.streamis.server.identity;

import io.streamis.common.error.ErrorCode;
import io.streamis.common.error.StreamisException;
import io.streamis.common.security.ChangesState;
import io.streamis.server.StreamisServerProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Cross-site request defence. The session cookie is sent by the browser with any request to the server, also one
 * a foreign page triggers (a form post, an {@code <img src=".../job/stop?jobId=1">}). So every state-changing
 * request (POST, PUT, PATCH, DELETE, and GETs marked {@link ChangesState}) must prove it comes from the server's
 * own pages, or from an origin an admin allowed:
 * <ol>
 *   <li>an {@code Origin} header naming the server's own host (or an allowed origin), else refused;</li>
 *   <li>without {@code Origin}, a {@code Referer} from such an origin, else refused;</li>
 *   <li>with neither, an {@code X-Requested-With} header, which a foreign page cannot add without a CORS
 *       preflight the server never grants (scripts and the UI send it).</li>
 * </ol>
 * A request identified by a proven gateway token carries no ambient credential and needs no such proof.
 */
@Component
public class SameOriginGuard implements HandlerInterceptor {

    static final String REQUESTED_WITH = "X-Requested-With";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final Set<String> allowedOrigins;

    public SameOriginGuard(StreamisServerProperties properties) {
        this.allowedOrigins = properties.security().allowedOrigins().stream().map(SameOriginGuard::authorityOf)
                .filter(a -> a != null).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!changesState(request, handler) || Boolean.TRUE.equals(request.getAttribute(
                IdentityInterceptor.TOKEN_PROVEN))) {
            return true;
        }
        String origin = request.getHeader("Origin");
        if (origin != null) {
            return requireAllowed(origin, "Origin", request);
        }
        String referer = request.getHeader("Referer");
        if (referer != null) {
            return requireAllowed(referer, "Referer", request);
        }
        if (request.getHeader(REQUESTED_WITH) != null) {
            return true;
        }
        throw refuse("a state-changing request needs an Origin or Referer of this server, or an "
                + REQUESTED_WITH + " header");
    }

    public static boolean changesState(HttpServletRequest request, Object handler) {
        if (!SAFE_METHODS.contains(request.getMethod().toUpperCase(Locale.ROOT))) {
            return true;
        }
        return handler instanceof HandlerMethod m && m.hasMethodAnnotation(ChangesState.class);
    }

    private boolean requireAllowed(String url, String header, HttpServletRequest request) {
        String authority = authorityOf(url);
        if (authority != null && (authority.equals(ownAuthority(request)) || allowedOrigins.contains(authority))) {
            return true;
        }
        throw refuse("the " + header + " " + url + " is neither this server nor an allowed origin"
                + " (streamis.server.security.allowed-origins)");
    }

    /** {@code host[:port]} as the browser addressed the server (the Host header), lower case. */
    private static String ownAuthority(HttpServletRequest request) {
        String host = request.getHeader("Host");
        if (host == null || host.isBlank()) {
            int port = request.getServerPort();
            host = request.getServerName() + (port == 80 || port == 443 || port <= 0 ? "" : ":" + port);
        }
        return host.trim().toLowerCase(Locale.ROOT);
    }

    /**
     * {@code host[:port]} of an origin or URL; null when it has none ({@code Origin: null} from sandboxed
     * frames and file pages proves nothing). The scheme is not compared: behind a TLS proxy the server sees http.
     */
    static String authorityOf(String url) {
        try {
            URI u = URI.create(url.trim());
            return u.getRawAuthority() == null || u.getHost() == null ? null
                    : u.getRawAuthority().toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static StreamisException refuse(String why) {
        return new StreamisException(ErrorCode.CROSS_SITE_REFUSED, "Refused as a possible cross-site request: "
                + why);
    }
}
