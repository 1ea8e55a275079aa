package io.streamis.bulk;

import io.streamis.common.audit.AuditAction;
import io.streamis.common.audit.AuditEvent;
import io.streamis.common.audit.AuditLog;
import io.streamis.common.error.Text;
import io.streamis.jobmanager.access.AccessGuard;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * One audit row per item of a finished bulk operation: the job, what happened to it (the restore point a start
 * used, the savepoint a stop took) and why an item failed. The request that submitted the operation is audited at
 * the HTTP boundary with the same {@code bulkId}; items run later, so they carry no client address.
 */
@Component
class BulkAudit {

    private final AuditLog audit;
    private final AccessGuard access;

    BulkAudit(AuditLog audit, AccessGuard access) {
        this.audit = audit;
        this.access = access;
    }

    void finished(BulkOperation op, List<BulkItem> items) {
        if (op == null) {
            return;
        }
        boolean start = BulkAction.valueOf(op.action()) == BulkAction.EXECUTION;
        for (BulkItem item : items) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("bulkId", op.id());
            detail.put("bulkAction", op.action());
            detail.put("taskId", item.taskId());
            detail.put("confirmedSnapshotPath", item.confirmedPath());
            detail.put(start ? "restoredFrom" : "savepointPath", item.snapshotPath());
            if (!start) {
                detail.put("snapshot", op.snapshot());
            }
            boolean ok = item.itemState() == ItemState.SUCCEEDED;
            // A carried item's note ("... (in bulk operation N; not run again)") is outside its key: kept as written.
            Text message = item.message() != null && item.message().endsWith("; not run again)")
                    ? Text.plain(item.message()) : item.text();
            audit.record(AuditEvent.of(op.createBy(), projectOf(item.jobId()), item.jobId(), AuditAction.BULK_ITEM,
                    detail, ok, ok ? null : "BULK_ITEM_FAILED", message));
        }
    }

    private String projectOf(long jobId) {
        try {
            return access.job(jobId).projectName();
        } catch (RuntimeException gone) {
            return null;
        }
    }
}
