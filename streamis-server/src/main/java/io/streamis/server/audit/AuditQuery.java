package io.streamis.server.audit;

import java.time.LocalDateTime;
import java.util.List;

/**
 * Filters of {@code GET /streamis/audit} plus what the viewer may see: everything ({@code all}, admins), or the
 * rows of {@code projects} and the viewer's own rows without a project (their logins).
 */
record AuditQuery(boolean all, String viewer, List<String> projects, String user, String project, Long jobId,
                  String action, String outcome, LocalDateTime from, LocalDateTime to) {
}
