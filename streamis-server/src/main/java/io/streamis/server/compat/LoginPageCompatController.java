package io.streamis.server.compat;

import io.streamis.common.rest.Message;
import io.streamis.common.security.LoginUser;
import io.streamis.jobmanager.access.AccessGuard;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a 0.3.x login page and header ask Linkis and DSS for. {@code GET /user/publicKey} answers anonymously (it is
 * asked before login): passwords are not encrypted client-side here, so {@code enableLoginEncrypt} is false.
 * {@code GET /dss/framework/workspace/getBaseInfo} answers, when no DSS is in front, with the caller's name and admin
 * flag.
 */
@RestController
class LoginPageCompatController {

    /** The anonymous path, excluded from the identity check in {@code WebConfig}. */
    static final String PUBLIC_KEY_PATH = "/user/publicKey";

    private final AccessGuard access;

    LoginPageCompatController(AccessGuard access) {
        this.access = access;
    }

    @GetMapping(PUBLIC_KEY_PATH)
    Message publicKey() {
        return Message.ok().data("enableLoginEncrypt", false);
    }

    @GetMapping("/dss/framework/workspace/getBaseInfo")
    Message baseInfo(@LoginUser String user) {
        return Message.ok().data("userName", user).data("isAdmin", access.isAdmin(user));
    }
}
