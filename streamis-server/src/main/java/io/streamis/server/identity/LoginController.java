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

    LoginController(UserService users, AccessGuard access, LoginThrottle throttle) {
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
            throw StreamisException.validation("userName and password are required");
        }
        String address = request.getRemoteAddr();
        throttle.check(user, address);
        if (!users.authenticate(user, password)) {
            throttle.failed(user, address);
            throw new StreamisException(ErrorCode.NOT_LOGGED_IN,
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

    /** Admins create users; there is no self-registration. */
    @PostMapping("/create")
    Message create(@LoginUser String user, @RequestBody Map<String, String> body) {
        if (!access.isAdmin(user)) {
            throw StreamisException.noPermission("Only admins can create users");
        }
        users.create(body.get("userName"), body.get("password"));
        return Message.ok("success");
    }
}
