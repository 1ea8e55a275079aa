package io.streamis.jobmanager.compat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamis.jobmanager.access.AccessGuard;
import io.streamis.jobmanager.project.Project;
import io.streamis.jobmanager.project.ProjectMapper;
import io.streamis.jobmanager.project.ProjectService;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The user picker of the config page ({@code /config/getWorkspaceUsers}): the DSS workspace's users when DSS is
 * configured and answers; otherwise the users holding a privilege on the project (or on every project the caller
 * sees). Never an error: a page load must not fail because DSS is down.
 */
@Service
public class WorkspaceUsersService {

    private static final Logger LOG = LoggerFactory.getLogger(WorkspaceUsersService.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final CompatProperties properties;
    private final ProjectService projects;
    private final AccessGuard access;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    public WorkspaceUsersService(CompatProperties properties, ProjectService projects, AccessGuard access,
                                 ObjectMapper json) {
        this.properties = properties;
        this.projects = projects;
        this.access = access;
        this.json = json;
    }

    /**
     * @param workspaceId the DSS {@code workspaceId} cookie, or null
     * @param cookie      the caller's Cookie header, forwarded to DSS
     */
    public List<String> users(String user, String projectName, String workspaceId, String cookie) {
        if (properties.dssUrl() != null && workspaceId != null && !workspaceId.isBlank()) {
            Optional<List<String>> fromDss = fromDss(workspaceId, cookie);
            if (fromDss.isPresent()) {
                return fromDss.get();
            }
        }
        return fromProjects(user, projectName);
    }

    private Optional<List<String>> fromDss(String workspaceId, String cookie) {
        try {
            URI uri = properties.dssUrl().resolve("/api/rest_j/v1/dss/framework/workspace/getWorkspaceUsers"
                    + "?workspaceId=" + URLEncoder.encode(workspaceId, StandardCharsets.UTF_8));
            HttpRequest.Builder req = HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET();
            if (cookie != null) {
                req.header("Cookie", cookie);
            }
            HttpResponse<String> resp = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode users = json.readTree(resp.body()).at("/data/workspaceUsers");
            if (resp.statusCode() != 200 || !users.isArray()) {
                LOG.warn("DSS workspace users: HTTP {} from {}", resp.statusCode(), uri);
                return Optional.empty();
            }
            List<String> out = new ArrayList<>();
            users.forEach(u -> out.add(u.path("name").asText()));
            return Optional.of(out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (Exception e) {
            LOG.warn("DSS workspace users unavailable, using project users: {}", e.toString());
            return Optional.empty();
        }
    }

    private List<String> fromProjects(String user, String projectName) {
        List<Project> scope;
        if (projectName != null && !projectName.isBlank()) {
            scope = projects.findByName(projectName)
                    .filter(p -> access.isAdmin(user) || !projects.privileges(p.name(), user).isEmpty())
                    .map(List::of).orElse(List.of());
        } else {
            scope = access.isAdmin(user) ? projects.all() : projects.visibleTo(user);
        }
        TreeSet<String> names = new TreeSet<>();
        for (Project p : scope) {
            projects.privilegesOf(p.id()).stream().map(ProjectMapper.PrivilegeRow::userName).forEach(names::add);
        }
        names.add(user);
        return List.copyOf(names);
    }
}
