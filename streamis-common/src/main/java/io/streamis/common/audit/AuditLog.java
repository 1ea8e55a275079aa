package io.streamis.common.audit;

/**
 * The port modules record audit facts through; the server owns the append-only store. Recording never fails
 * the action it describes.
 */
public interface AuditLog {

    void record(AuditEvent event);
}
