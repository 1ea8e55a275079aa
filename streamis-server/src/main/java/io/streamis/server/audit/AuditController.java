package io.streamis.server.audit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamis.common.audit.AuditAction;
import io.streamis.common.error.StreamisException;
import io.streamis.common.paging.PageRequest;
import io.streamis.common.rest.Message;
import io.streamis.common.security.LoginUser;
import io.streamis.jobmanager.access.AccessGuard;
import io.streamis.jobmanager.project.Project;
import io.streamis.jobmanager.project.ProjectService;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /streamis/audit}: the audit log, newest first. Admins read every row; anyone else the rows of the
 * projects they hold a privilege on and their own rows that concern no project (their logins). A row's message is
 * said in the reader's language ({@code Accept-Language}), not in that of the request it records.
 */
@RestController
@RequestMapping("/streamis/audit")
class AuditController {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final TypeReference<Map<String, Object>> DETAIL = new TypeReference<>() {
    };

    /** One row as answered. */
    record AuditRowView(long id, String time, String user, String remoteAddress, String request, String projectName,
                        Long jobId, String action, String outcome, String errorCode, String message,
                        Map<String, Object> detail) {
    }

    private final AuditMapper mapper;
    private final AccessGuard access;
    private final ProjectService projects;
    private final ObjectMapper json;
    private final MessageSource messages;

    AuditController(AuditMapper mapper, AccessGuard access, ProjectService projects, ObjectMapper json,
                    MessageSource messages) {
        this.mapper = mapper;
        this.access = access;
        this.projects = projects;
        this.json = json;
        this.messages = messages;
    }

    @GetMapping
    Message list(@LoginUser String viewer, @RequestParam(required = false) String user,
                 @RequestParam(required = false) String projectName, @RequestParam(required = false) Long jobId,
                 @RequestParam(required = false) String action, @RequestParam(required = false) String outcome,
                 @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                 @RequestParam(required = false) Integer pageNow, @RequestParam(required = false) Integer pageSize) {
        boolean admin = access.isAdmin(viewer);
        List<String> visible = admin ? List.of() : projects.visibleTo(viewer).stream().map(Project::name).toList();
        AuditQuery q = new AuditQuery(admin, viewer, visible, blank(user), blank(projectName), jobId, action(action),
                outcome(outcome), time("from", from, false), time("to", to, true));
        PageRequest page = PageRequest.of(pageNow, pageSize);
        List<AuditRowView> rows = mapper.select(q, page.pageSize(), page.offset()).stream().map(this::view).toList();
        return Message.ok().data("rows", rows).data("totalPage", mapper.count(q)).data("pageNow", page.pageNow())
                .data("pageSize", page.pageSize()).data("actions", Arrays.stream(AuditAction.values())
                        .map(Enum::name).toList());
    }

    private AuditRowView view(AuditMapper.Row r) {
        Map<String, Object> detail = Map.of();
        if (r.detail() != null) {
            try {
                detail = json.readValue(r.detail(), DETAIL);
            } catch (Exception unreadable) {
                detail = Map.of("raw", r.detail());
            }
        }
        return new AuditRowView(r.id(), r.eventTime().format(TIME), r.userName(), r.remoteAddr(), r.request(),
                r.projectName(), r.jobId(), r.action(), r.outcome(), r.errorCode(), r.text().localise(messages),
                detail);
    }

    private static String action(String action) {
        String a = blank(action);
        if (a == null) {
            return null;
        }
        try {
            return AuditAction.valueOf(a.toUpperCase(Locale.ROOT)).name();
        } catch (IllegalArgumentException e) {
            throw StreamisException.validation("audit.action", "action must be one of "
                    + Arrays.toString(AuditAction.values()), Arrays.toString(AuditAction.values()));
        }
    }

    private static String outcome(String outcome) {
        String o = blank(outcome);
        if (o == null) {
            return null;
        }
        o = o.toUpperCase(Locale.ROOT);
        if (!o.equals("OK") && !o.equals("ERROR")) {
            throw StreamisException.validation("audit.outcome", "outcome must be OK or ERROR");
        }
        return o;
    }

    /** {@code yyyy-MM-dd HH:mm:ss} or an ISO date(-time); a bare date as {@code to} includes that whole day. */
    private static LocalDateTime time(String name, String value, boolean end) {
        String v = blank(value);
        if (v == null) {
            return null;
        }
        try {
            if (v.length() == 10) {
                LocalDate d = LocalDate.parse(v);
                return end ? d.plusDays(1).atStartOfDay() : d.atStartOfDay();
            }
            return v.contains("T") ? LocalDateTime.parse(v) : LocalDateTime.parse(v, TIME);
        } catch (DateTimeParseException e) {
            throw StreamisException.validation("audit.time", name
                    + " must be yyyy-MM-dd HH:mm:ss or yyyy-MM-dd, not '" + v + "'", name, v);
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
