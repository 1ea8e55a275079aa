package io.streamis.server.audit;

import io.streamis.common.audit.AuditAction;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Which action a state-changing request is, by method and path (below the API prefix). */
final class AuditActions {

    /** {@code method} is a pattern too, e.g. {@code (PUT|DELETE)}. */
    private record Rule(String method, Pattern path, AuditAction action) {
    }

    private static final String JOB = "/streamis/streamJobManager/job";
    private static final String FILES = "/streamis/streamProjectManager/project/files";
    private static final String ALERT = "/streamis/streamJobManager/alert";
    private static final String DIAGNOSIS = "/streamis/streamJobManager/diagnosis";

    /** Requests that only read though their method may change (0.3.x kept some as PUT): not audited. */
    private static final List<Rule> READS = List.of(
            rule("PUT", JOB + "/execute/inspect", null),
            rule("PUT", JOB + "/status", null),
            // Diagnoses a pasted text; the catalogue is not changed.
            rule("POST", DIAGNOSIS + "/match", null));

    private static final List<Rule> RULES = List.of(
            rule("POST", "/user/login", AuditAction.LOGIN),
            rule("POST", "/user/logout", AuditAction.LOGOUT),
            rule("POST", "/user/create", AuditAction.USER_CREATE),
            rule("POST", JOB + "/upload", AuditAction.UPLOAD),
            rule("POST", JOB + "/createOrUpdate", AuditAction.UPLOAD),
            rule("POST", JOB + "/(updateContent|updateLabel|ban|enable)", AuditAction.JOB_UPDATE),
            rule("POST", JOB + "/execute", AuditAction.START),
            rule("GET", JOB + "/stop", AuditAction.STOP),
            rule("PUT", JOB + "/snapshot/[^/]+", AuditAction.SNAPSHOT),
            rule("POST", JOB + "/snapshots/clearRefused", AuditAction.RESTORE_POINT_CLEAR),
            rule("POST", JOB + "/bulk/execution", AuditAction.BULK_START),
            rule("POST", JOB + "/bulk/pause", AuditAction.BULK_STOP),
            rule("POST", "/streamis/streamJobManager/config/(json/[^/]+|copy)", AuditAction.CONFIG_CHANGE),
            rule("POST", "/streamis/project/createProject", AuditAction.PROJECT_CREATE),
            rule("PUT", "/streamis/project/updateProject", AuditAction.PROJECT_UPDATE),
            rule("DELETE", "/streamis/project/deleteProject", AuditAction.PROJECT_DELETE),
            rule("POST", FILES + "/upload", AuditAction.FILE_UPLOAD),
            rule("GET", FILES + "/(delete|version/delete)", AuditAction.FILE_DELETE),
            rule("POST", ALERT + "/channels/[^/]+/test", AuditAction.ALERT_TEST_SEND),
            rule("(POST|PUT|DELETE)", ALERT + "/channels(/[^/]+)?", AuditAction.ALERT_CHANNEL_CHANGE),
            rule("POST", ALERT + "/deliveries/[^/]+/retry", AuditAction.ALERT_DELIVERY_RETRY),
            rule("(POST|PUT|DELETE)", DIAGNOSIS + "/patterns(/[^/]+)?", AuditAction.FAILURE_PATTERN_CHANGE));

    private AuditActions() {
    }

    /** The action of a state-changing request; empty for the requests that only read. */
    static Optional<AuditAction> of(String method, String path) {
        String m = method.toUpperCase(Locale.ROOT);
        if (READS.stream().anyMatch(r -> m.matches(r.method) && r.path.matcher(path).matches())) {
            return Optional.empty();
        }
        return Optional.of(RULES.stream().filter(r -> m.matches(r.method) && r.path.matcher(path).matches())
                .map(Rule::action).findFirst().orElse(AuditAction.OTHER));
    }

    private static Rule rule(String method, String path, AuditAction action) {
        return new Rule(method, Pattern.compile(path), action);
    }
}
