package io.streamis.jobmanager.project;

import io.streamis.common.error.StreamisException;
import io.streamis.common.rest.Message;
import io.streamis.common.security.LoginUser;
import io.streamis.jobmanager.access.AccessGuard;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Projects and privileges: {@code /streamis/project/*} (behaviour §1.7), called by the DSS AppConn and the UI. */
@RestController
@RequestMapping("/streamis/project")
class ProjectController {

    private final ProjectService projects;
    private final AccessGuard access;

    ProjectController(ProjectService projects, AccessGuard access) {
        this.projects = projects;
        this.access = access;
    }

    @PostMapping("/createProject")
    Message create(@LoginUser String user, @RequestBody Map<String, Object> body) {
        Project p = projects.create(user, str(body, "projectName"), workspace(body), grants(body));
        return Message.ok().data("projectName", p.name()).data("projectId", p.id());
    }

    @PutMapping("/updateProject")
    Message update(@LoginUser String user, @RequestBody Map<String, Object> body) {
        Object id = body.get("projectId");
        if (!(id instanceof Number n)) {
            throw StreamisException.validation("project.id-required", "projectId is required");
        }
        Project p = projects.findById(n.longValue())
                .orElseThrow(() -> StreamisException.notFound("project", "Project " + id + " does not exist", id));
        access.requireProject(user, p.name(), Privilege.RELEASE);
        projects.update(user, n.longValue(), str(body, "projectName"), workspace(body), grants(body));
        return Message.ok();
    }

    @DeleteMapping("/deleteProject")
    Message delete(@LoginUser String user, @RequestParam long projectId) {
        Project p = projects.findById(projectId)
                .orElseThrow(() -> StreamisException.notFound("project", "Project " + projectId + " does not exist",
                        projectId));
        access.requireProject(user, p.name(), Privilege.RELEASE);
        projects.delete(user, projectId);
        return Message.ok();
    }

    @GetMapping("/searchProject")
    Message search(@LoginUser String user, @RequestParam String projectName) {
        return Message.ok().data("projectId", projects.findByName(projectName).map(Project::id).orElse(null));
    }

    /** The projects the caller holds a privilege on, with those privileges (project picker). */
    @GetMapping("/list")
    Message list(@LoginUser String user) {
        List<Project> visible = access.isAdmin(user) ? projects.all() : projects.visibleTo(user);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Project p : visible) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", p.id());
            m.put("name", p.name());
            m.put("privileges", projects.privileges(p.name(), user).stream().sorted().map(Enum::name).toList());
            rows.add(m);
        }
        return Message.ok().data("projects", rows);
    }

    @GetMapping("/projectPrivilege/getProjectPrivilege")
    Message privileges(@LoginUser String user, @RequestParam(required = false) Long projectId,
                       @RequestParam(required = false) String projectName) {
        Project p = resolve(projectId, projectName);
        List<ProjectMapper.PrivilegeRow> rows = projects.privilegesOf(p.id()).stream()
                .filter(r -> r.userName().equals(user)).toList();
        return Message.ok().data("projectPrivileges", rows);
    }

    @GetMapping("/projectPrivilege/hasReleasePrivilege")
    Message hasRelease(@LoginUser String user, @RequestParam(required = false) Long projectId,
                       @RequestParam(required = false) String projectName) {
        return Message.ok().data("releasePrivilege", has(user, projectId, projectName, Privilege.RELEASE));
    }

    @GetMapping("/projectPrivilege/hasEditPrivilege")
    Message hasEdit(@LoginUser String user, @RequestParam(required = false) Long projectId,
                    @RequestParam(required = false) String projectName) {
        return Message.ok().data("editPrivilege", has(user, projectId, projectName, Privilege.EDIT));
    }

    @GetMapping("/projectPrivilege/hasAccessPrivilege")
    Message hasAccess(@LoginUser String user, @RequestParam(required = false) Long projectId,
                      @RequestParam(required = false) String projectName) {
        return Message.ok().data("accessPrivilege", has(user, projectId, projectName, Privilege.ACCESS));
    }

    @GetMapping("/projectPrivilege/bulk/hasReleasePrivilege")
    Message bulkRelease(@LoginUser String user, @RequestParam(required = false) List<Long> projectIds,
                        @RequestParam(required = false) List<String> projectNames) {
        return Message.ok().data("releasePrivilege", any(user, projectIds, projectNames, Privilege.RELEASE));
    }

    @GetMapping("/projectPrivilege/bulk/hasEditPrivilege")
    Message bulkEdit(@LoginUser String user, @RequestParam(required = false) List<Long> projectIds,
                     @RequestParam(required = false) List<String> projectNames) {
        return Message.ok().data("editPrivilege", any(user, projectIds, projectNames, Privilege.EDIT));
    }

    @GetMapping("/projectPrivilege/bulk/hasAccessPrivilege")
    Message bulkAccess(@LoginUser String user, @RequestParam(required = false) List<Long> projectIds,
                       @RequestParam(required = false) List<String> projectNames) {
        return Message.ok().data("accessPrivilege", any(user, projectIds, projectNames, Privilege.ACCESS));
    }

    private boolean any(String user, List<Long> ids, List<String> names, Privilege required) {
        List<String> all = new ArrayList<>(names == null ? List.of() : names);
        if (ids != null) {
            ids.forEach(id -> projects.findById(id).ifPresent(p -> all.add(p.name())));
        }
        return all.stream().anyMatch(n -> access.hasProjectPrivilege(user, n, required));
    }

    private boolean has(String user, Long projectId, String projectName, Privilege required) {
        return access.hasProjectPrivilege(user, resolve(projectId, projectName).name(), required);
    }

    private Project resolve(Long projectId, String projectName) {
        Optional<Project> p = projectId != null ? projects.findById(projectId)
                : Optional.ofNullable(projectName).flatMap(projects::findByName);
        return p.orElseThrow(() -> StreamisException.notFound("project", "Project "
                + (projectId != null ? projectId : projectName) + " does not exist",
                projectId != null ? projectId : projectName));
    }

    private static String str(Map<String, Object> body, String key) {
        Object v = body.get(key);
        return v == null ? null : String.valueOf(v);
    }

    private static Long workspace(Map<String, Object> body) {
        return body.get("workspaceId") instanceof Number n ? n.longValue() : null;
    }

    private static Map<Privilege, List<String>> grants(Map<String, Object> body) {
        Map<Privilege, List<String>> m = new EnumMap<>(Privilege.class);
        m.put(Privilege.RELEASE, users(body.get("releaseUsers")));
        m.put(Privilege.EDIT, users(body.get("editUsers")));
        m.put(Privilege.ACCESS, users(body.get("accessUsers")));
        return m;
    }

    private static List<String> users(Object v) {
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> l)) {
            throw StreamisException.validation("project.privilege-users",
                    "privilege user lists must be JSON arrays of user names");
        }
        return l.stream().map(String::valueOf).toList();
    }
}
