package io.streamis.jobmanager.project;

import io.streamis.common.error.StreamisException;
import io.streamis.common.validation.Names;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Projects and their per-user privileges (fed by DSS through the AppConn, or by an admin). */
@Service
public class ProjectService {

    private final ProjectMapper mapper;

    public ProjectService(ProjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Creates a project; the creator always gets RELEASE so a project is never orphaned. */
    @Transactional
    public Project create(String user, String name, Long workspaceId, Map<Privilege, List<String>> users) {
        Names.require("projectName", name);
        ProjectMapper.NewProject row = new ProjectMapper.NewProject(workspaceId, name, user);
        try {
            mapper.insert(row);
        } catch (DuplicateKeyException e) {
            throw StreamisException.conflict("project.exists", "the project name is exist: " + name, name);
        }
        Map<Privilege, List<String>> grants = new EnumMap<>(Privilege.class);
        grants.putAll(users);
        Set<String> release = new HashSet<>(grants.getOrDefault(Privilege.RELEASE, List.of()));
        release.add(user);
        grants.put(Privilege.RELEASE, List.copyOf(release));
        replacePrivileges(row.id, grants);
        return mapper.selectById(row.id);
    }

    @Transactional
    public void update(String user, long id, String name, Long workspaceId, Map<Privilege, List<String>> users) {
        Names.require("projectName", name);
        try {
            if (mapper.update(id, name, workspaceId, user) == 0) {
                throw StreamisException.notFound("project", "Project " + id + " does not exist", id);
            }
        } catch (DuplicateKeyException e) {
            throw StreamisException.conflict("project.exists", "the project name is exist: " + name, name);
        }
        replacePrivileges(id, users);
    }

    @Transactional
    public void delete(String user, long id) {
        if (mapper.softDelete(id, user) == 0) {
            throw StreamisException.notFound("project", "Project " + id + " does not exist", id);
        }
        mapper.deletePrivileges(id);
    }

    /** Diffs privileges: rows not in the new set are deleted, new ones inserted. */
    private void replacePrivileges(long projectId, Map<Privilege, List<String>> users) {
        Set<String> wanted = new HashSet<>();
        users.forEach((p, names) -> names.stream().filter(n -> n != null && !n.isBlank())
                .forEach(n -> wanted.add(p.code() + ":" + n.trim())));
        for (ProjectMapper.PrivilegeRow row : mapper.selectPrivileges(projectId)) {
            if (!wanted.remove(row.privilege() + ":" + row.userName())) {
                mapper.deletePrivilege(row.id());
            }
        }
        for (String w : wanted) {
            int colon = w.indexOf(':');
            mapper.insertPrivilege(projectId, w.substring(colon + 1), Integer.parseInt(w.substring(0, colon)));
        }
    }

    public Optional<Project> findByName(String name) {
        return Optional.ofNullable(mapper.selectByName(name));
    }

    public Optional<Project> findById(long id) {
        return Optional.ofNullable(mapper.selectById(id));
    }

    public Project require(String name) {
        return findByName(name).orElseThrow(() -> StreamisException.notFound("project",
                "Project " + name + " does not exist", name));
    }

    public List<Project> visibleTo(String user) {
        return mapper.selectVisibleTo(user);
    }

    public List<Project> all() {
        return mapper.selectAllLive();
    }

    public List<ProjectMapper.PrivilegeRow> privilegesOf(long projectId) {
        return mapper.selectPrivileges(projectId);
    }

    /** The privileges the user holds on a project (by name), empty when none or the project does not exist. */
    public Set<Privilege> privileges(String project, String user) {
        Set<Privilege> out = new HashSet<>();
        mapper.selectUserPrivileges(project, user).forEach(c -> out.add(Privilege.fromCode(c)));
        return out;
    }
}
