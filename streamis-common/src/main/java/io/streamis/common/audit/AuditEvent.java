package io.streamis.common.audit;

import io.streamis.common.error.Text;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One append-only audit row: who did what, when, from where, to which project/job, and how it ended.
 *
 * @param user          the acting user (for a login: the name that was tried); null when unknown
 * @param remoteAddress the client address of the HTTP request; null for work not driven by a request
 * @param request       {@code METHOD path} of the HTTP request (never its query string); null otherwise
 * @param detail        facts of the action (e.g. the confirmed and the actually used restore point); never secrets
 * @param errorCode     the {@code ErrorCode} name when the action failed, else null
 * @param message       what the caller was told, as a key and arguments with its English, so every reader reads
 *                      it in their own language; null when nothing was said
 */
public record AuditEvent(LocalDateTime time, String user, String remoteAddress, String request, String projectName,
                         Long jobId, AuditAction action, Map<String, Object> detail, boolean ok, String errorCode,
                         Text message) {

    public AuditEvent {
        // Insertion order kept for reading; null values dropped (a fact that is absent is not recorded).
        Map<String, Object> kept = new LinkedHashMap<>();
        if (detail != null) {
            detail.forEach((k, v) -> {
                if (v != null) {
                    kept.put(k, v);
                }
            });
        }
        detail = Collections.unmodifiableMap(kept);
    }

    /** A fact recorded by a module outside an HTTP request (e.g. one item of a bulk operation). */
    public static AuditEvent of(String user, String projectName, Long jobId, AuditAction action,
                                Map<String, Object> detail, boolean ok, String errorCode, Text message) {
        return new AuditEvent(LocalDateTime.now(), user, null, null, projectName, jobId, action, detail, ok, errorCode,
                message);
    }
}
