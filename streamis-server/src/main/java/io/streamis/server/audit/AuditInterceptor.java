package io.streamis.server.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamis.common.audit.AuditAction;
import io.streamis.common.audit.AuditEvent;
import io.streamis.common.audit.AuditLog;
import io.streamis.common.error.Text;
import io.streamis.common.rest.Message;
import io.streamis.jobmanager.access.AccessGuard;
import io.streamis.jobmanager.job.StreamJob;
import io.streamis.jobmanager.project.Project;
import io.streamis.jobmanager.project.ProjectService;
import io.streamis.server.identity.IdentityInterceptor;
import io.streamis.server.identity.SameOriginGuard;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Records every state-changing request (non-GET, or a GET marked {@code @ChangesState}) as one audit row once it
 * is complete: who, from where, which project/job, the action, its facts, and the outcome as answered (ok, or the
 * error code and message). Registered first, so it also sees requests the identity or cross-site checks refuse.
 * Only named facts are taken from parameters, body and answer: never the query string (DSS puts the user's ticket
 * there) nor a password.
 */
@Component
public class AuditInterceptor implements HandlerInterceptor {

    /** The user name a login tried, set by the login endpoint (nobody is identified yet). */
    public static final String SUBJECT = "streamis.audit.subject";
    /**
     * A keyed error answered, as a {@link Text} (key, English, arguments), set by the exception advice: the row keeps
     * the key so each reader reads it in their language, not in the language the caller was answered in.
     */
    public static final String ERROR_TEXT = "streamis.audit.errorText";
    private static final String ACTION = "streamis.audit.action";
    private static final String PROJECT = "streamis.audit.project";

    private static final List<String> PARAM_FACTS = List.of("snapshot", "version", "fromJobId", "ids",
            "updateWhenExists");
    private static final Map<String, String> BODY_FACTS = facts("snapshotPath", "confirmedSnapshotPath",
            "allowNonRestoredState", "allowNonRestoredState", "snapshot", "snapshot", "snapshotPaths",
            "confirmedSnapshotPaths", "releaseUsers", "releaseUsers", "editUsers", "editUsers", "accessUsers",
            "accessUsers", "userName", "userName", "projectId", "projectId", "path", "path", "sbj_type", "subjectType",
            "bulkSubjectType", "subjectType");
    private static final Map<String, String> ANSWER_FACTS = facts("restoredFrom", "restoredFrom", "taskId",
            "taskId", "flinkJobId", "flinkJobId", "path", "savepointPath", "version", "version", "bulkId", "bulkId",
            "total", "total", "projectId", "projectId", "taskIds", "taskIds");
    private static final List<String> JOB_LIST_KEYS = List.of("bulk_sbj", "bulkSubject");

    private final AuditLog audit;
    private final AccessGuard access;
    private final ProjectService projects;
    private final ObjectMapper json;

    AuditInterceptor(AuditLog audit, AccessGuard access, ProjectService projects, ObjectMapper json) {
        this.audit = audit;
        this.access = access;
        this.projects = projects;
        this.json = json;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!SameOriginGuard.changesState(request, handler)) {
            return true;
        }
        Optional<AuditAction> action = AuditActions.of(request.getMethod(), apiPath(request));
        action.ifPresent(a -> request.setAttribute(ACTION, a));
        // Before the handler runs: a deleted project can no longer be found by id afterwards.
        Long projectId = number(request.getParameter("projectId"));
        if (action.isPresent() && projectId != null) {
            projects.findById(projectId).ifPresent(p -> request.setAttribute(PROJECT, p.name()));
        }
        return true;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                                Exception ex) {
        if (!(request.getAttribute(ACTION) instanceof AuditAction action)) {
            return;
        }
        String user = request.getAttribute(IdentityInterceptor.USER_ATTRIBUTE) instanceof String u ? u
                : request.getAttribute(SUBJECT) instanceof String s ? s : null;
        if (user == null && action != AuditAction.LOGIN) {
            return; // refused before anyone was identified: nothing was changed, and nobody to attribute it to
        }
        Message answer = request.getAttribute(AuditCapture.ANSWER) instanceof Message m ? m : null;
        Map<String, Object> body = bodyOf(request.getAttribute(AuditCapture.BODY));
        Map<String, Object> detail = new LinkedHashMap<>();
        PARAM_FACTS.forEach(k -> detail.put(k, request.getParameter(k)));
        BODY_FACTS.forEach((from, to) -> detail.putIfAbsent(to, body.get(from)));
        List<Long> jobIds = jobIds(request, body);
        if (jobIds.size() > 1 || JOB_LIST_KEYS.stream().anyMatch(body::containsKey)) {
            detail.put("jobIds", jobIds);
        }
        MultipartFile file = request instanceof MultipartHttpServletRequest mr ? mr.getFile("file") : null;
        if (file != null) {
            detail.put("file", file.getOriginalFilename());
        }
        Map<String, Object> data = answer == null ? Map.of() : answer.getData();
        ANSWER_FACTS.forEach((from, to) -> detail.putIfAbsent(to, data.get(from)));

        boolean ok = answer != null ? answer.getStatus() == 0 : ex == null && response.getStatus() < 400;
        String errorCode = ok ? null : data.get("errorCode") instanceof String c ? c : "HTTP_" + response.getStatus();
        Text message = request.getAttribute(ERROR_TEXT) instanceof Text t ? t
                : answer != null ? Text.plain(answer.getMessage())
                : ex != null ? Text.plain(ex.getClass().getSimpleName()) : null;

        Long jobId = jobIds.size() == 1 ? jobIds.get(0) : number(data.get("jobId"));
        String project = projectOf(request, body, jobId, jobIds);
        audit.record(new AuditEvent(LocalDateTime.now(), user, request.getRemoteAddr(),
                request.getMethod() + " " + apiPath(request), project, jobId, action, detail, ok, errorCode,
                message));
    }

    private String projectOf(HttpServletRequest request, Map<String, Object> body, Long jobId, List<Long> jobIds) {
        if (request.getAttribute(PROJECT) instanceof String p) {
            return p;
        }
        Object named = body.get("projectName") != null ? body.get("projectName") : request.getParameter("projectName");
        if (named != null) {
            return String.valueOf(named);
        }
        Set<String> names = new LinkedHashSet<>();
        for (Long id : jobId != null ? List.of(jobId) : jobIds) {
            names.add(jobProject(id));
        }
        if (names.size() == 1 && names.iterator().next() != null) {
            return names.iterator().next();
        }
        Long projectId = number(body.get("projectId"));
        return projectId == null ? null : projects.findById(projectId).map(Project::name).orElse(null);
    }

    private String jobProject(long jobId) {
        try {
            StreamJob job = access.job(jobId);
            return job.projectName();
        } catch (RuntimeException gone) {
            return null;
        }
    }

    /** The jobs a request names: {@code jobId} (parameter, path, body), a bulk subject, or a body array of ids. */
    private List<Long> jobIds(HttpServletRequest request, Map<String, Object> body) {
        List<Long> ids = new ArrayList<>();
        Object vars = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        Object fromPath = vars instanceof Map<?, ?> m ? m.get("jobId") : null;
        Object one = request.getParameter("jobId") != null ? request.getParameter("jobId")
                : fromPath != null ? fromPath : body.get("jobId");
        if (one != null && number(one) != null) {
            ids.add(number(one));
        }
        for (String key : JOB_LIST_KEYS) {
            if (body.get(key) instanceof List<?> l) {
                l.stream().map(AuditInterceptor::number).filter(java.util.Objects::nonNull).forEach(ids::add);
            }
        }
        if (body.get("") instanceof List<?> l) {
            l.stream().map(AuditInterceptor::number).filter(java.util.Objects::nonNull).forEach(ids::add);
        }
        return List.copyOf(new LinkedHashSet<>(ids));
    }

    /** The body as a map; a JSON array (e.g. the ids of {@code /job/ban}) under the key "". */
    @SuppressWarnings("unchecked")
    private Map<String, Object> bodyOf(Object body) {
        if (body == null) {
            return Map.of();
        }
        if (body instanceof List<?> l) {
            return Map.of("", l);
        }
        if (body instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        try {
            return json.convertValue(body, Map.class);
        } catch (IllegalArgumentException notAnObject) {
            return Map.of();
        }
    }

    private static String apiPath(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith(API) ? path.substring(API.length()) : path;
    }

    private static final String API = "/api/rest_j/v1";

    private static Long number(Object v) {
        if (v instanceof Number n) {
            return n.longValue();
        }
        try {
            return v == null ? null : Long.valueOf(String.valueOf(v).trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Map<String, String> facts(String... fromTo) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < fromTo.length; i += 2) {
            m.put(fromTo[i], fromTo[i + 1]);
        }
        return m;
    }
}
