package io.streamis.jobmanager.compat;

import io.streamis.common.rest.Message;
import io.streamis.common.security.LoginUser;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /streamis/streamJobManager/config/getWorkspaceUsers} (behaviour §1.4) → {@code users}. */
@RestController
@RequestMapping("/streamis/streamJobManager/config")
class WorkspaceUsersController {

    private final WorkspaceUsersService users;

    WorkspaceUsersController(WorkspaceUsersService users) {
        this.users = users;
    }

    /** {@code projectName} is optional (0.3.x sends none; then every project the caller sees counts). */
    @GetMapping("/getWorkspaceUsers")
    Message workspaceUsers(@LoginUser String user, @RequestParam(required = false) String projectName,
                           @CookieValue(name = "workspaceId", required = false) String workspaceId,
                           @RequestHeader(name = "Cookie", required = false) String cookie) {
        return Message.ok().data("users", users.users(user, projectName, workspaceId, cookie));
    }
}
