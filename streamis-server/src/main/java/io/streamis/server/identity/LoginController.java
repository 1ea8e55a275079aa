package io.streamis.server.identity;

import io.streamis.common.error.ErrorCode;
import io.streamis.common.error.StreamisException;
import io.streamis.common.rest.Message;
import io.streamis.common.security.LoginUser;
import io.streamis.jobmanager.access.AccessGuard;
import io.streamis.server.audit.AuditInterceptor;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Linkis-compatible login: {@code POST /user/login {"userName","password"}} sets the session cookie. */
@RestController
@RequestMapping("/user")
class LoginController {

    private final UserService users;
    private final AccessGuard access;
    private final LoginThrottle throttle;

    private final IdentityInterceptor identity;

    LoginController(UserService users, AccessGuard access, LoginThrottle throttle, IdentityInterceptor identity) {
        this.identity = identity;
        this.users = users;
        this.access = access;
        this.throttle = throttle;
    }

    @PostMapping("/login")
    Message login(@RequestBody(required = false) Map<String, Object> body, HttpServletRequest request) {
        String user = body == null || body.get("userName") == null ? null : String.valueOf(body.get("userName"));
        String password = body == null || body.get("password") == null ? null : String.valueOf(body.get("password"));
        request.setAttribute(AuditInterceptor.SUBJECT, user);
        if (user == null || user.isBlank() || password == null || password.isEmpty()) {
            throw new StreamisException(ErrorCode.VALIDATION, "login.required", "userName and password are required");
        }
        String address = request.getRemoteAddr();
        throttle.check(user, address);
        if (!users.authenticate(user, password)) {
            throttle.failed(user, address);
            throw new StreamisException(ErrorCode.NOT_LOGGED_IN, "login.wrong-password",
                    "Wrong user name or password");
        }
        throttle.succeeded(user, address);
        HttpSession old = request.getSession(false);
        if (old != null) {
            old.invalidate();
        }
        request.getSession(true).setAttribute(IdentityInterceptor.SESSION_USER, user);
        return Message.ok("login successful").data("userName", user).data("isAdmin", access.isAdmin(user));
    }

    @PostMapping("/logout")
    Message logout(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return Message.ok("logout successful");
    }

    @GetMapping("/userInfo")
    Message userInfo(@LoginUser String user) {
        return Message.ok().data("userName", user).data("isAdmin", access.isAdmin(user));
    }

    /**
     * Anonymous "who am I, if anyone": the UI asks before routing, so a first visit goes to the login page without
     * a 401 (userInfo keeps the 0.3.x answer, status -1 with HTTP 401).
     */
    @GetMapping("/session")
    Message session(HttpServletRequest request) {
        String user = identity.resolve(request);
        return user == null ? Message.ok().data("loggedIn", false)
                : Message.ok().data("loggedIn", true).data("userName", user).data("isAdmin", access.isAdmin(user));
    }

    /** Admins create users; there is no self-registration. */
    @PostMapping("/create")
    Message create(@LoginUser String user, @RequestBody Map<String, String> body) {
        if (!access.isAdmin(user)) {
            throw StreamisException.noPermission("user.admin-only", "Only admins can create users");
        }
        users.create(body.get("userName"), body.get("password"));
        return Message.ok("success");
    }
}
