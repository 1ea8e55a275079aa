package io.streamis.jobmanager.compat;

import io.streamis.common.rest.Message;
import io.streamis.common.security.LoginUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /streamis/streamJobManager/project/core/target} (behaviour §1.5), called by the 0.3.x job list page. */
@RestController
@RequestMapping("/streamis/streamJobManager/project/core")
class ProjectCoreController {

    private final ProjectCoreService core;

    ProjectCoreController(ProjectCoreService core) {
        this.core = core;
    }

    @GetMapping("/target")
    Message target(@LoginUser String user, @RequestParam(required = false) String projectName) {
        return Message.ok().data("taskCore", core.taskCore(user, projectName));
    }
}
