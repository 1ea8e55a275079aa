package io.streamis.common.audit;

/** What a state-changing action did; the audit log's {@code action} column and filter. */
public enum AuditAction {
    LOGIN,
    LOGOUT,
    USER_CREATE,
    /** A job imported (zip upload or meta object): a new job or a new version. */
    UPLOAD,
    /** A job's content, label or enabled flag changed. */
    JOB_UPDATE,
    CONFIG_CHANGE,
    START,
    /**
     * A start the platform made by itself, nobody asked: an automatic restart of a failed job, or a job brought
     * back after a server restart. Recorded with the user {@code streamis}.
     */
    AUTO_START,
    STOP,
    SNAPSHOT,
    RESTORE_POINT_CLEAR,
    BULK_START,
    BULK_STOP,
    /** One job of a bulk operation, recorded by the bulk module when the operation has finished. */
    BULK_ITEM,
    /** Project create/update/delete: the project's privileges are set with it. */
    PROJECT_CREATE,
    PROJECT_UPDATE,
    PROJECT_DELETE,
    FILE_UPLOAD,
    FILE_DELETE,
    /** A project's alert channel created, changed or deleted (the request line says which). */
    ALERT_CHANNEL_CHANGE,
    /** A test message sent through an alert channel: it reaches people, so who sent it is kept. */
    ALERT_TEST_SEND,
    /** An alert delivery that was given up, put back in line by hand. */
    ALERT_DELIVERY_RETRY,
    /** The failure catalogue edited by an administrator: a pattern created, changed or deleted. */
    FAILURE_PATTERN_CHANGE,
    /** A state-changing endpoint not classified above (recorded with its request line). */
    OTHER
}
