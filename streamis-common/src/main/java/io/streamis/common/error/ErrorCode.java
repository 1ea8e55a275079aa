package io.streamis.common.error;

/**
 * Every rule a request can break, with the envelope status and HTTP status it maps to at the REST boundary.
 * Envelope statuses are the Linkis ones: 1 error, -1 not logged in, 2 validation, 3 no permission; the HTTP
 * status mirrors them (400, 401, 412, 403) as 0.3.x documented, and only a fault of the server itself is a 500.
 */
public enum ErrorCode {
    NOT_LOGGED_IN(-1, 401),
    NO_PERMISSION(3, 403),
    VALIDATION(2, 412),
    BAD_REQUEST(1, 400),
    NOT_FOUND(1, 400),
    CONFLICT(1, 400),
    JOB_DISABLED(1, 400),
    ILLEGAL_STATE(1, 400),
    RESTORE_UNAVAILABLE(1, 400),
    STATE_STORAGE(1, 400),
    FLINK_UNAVAILABLE(1, 400),
    FLINK_REJECTED(1, 400),
    /**
     * The project file a job version pinned at publish time is gone or its bytes no longer match the pinned hash;
     * the launch stops rather than ship other bytes.
     */
    PINNED_FILE_UNAVAILABLE(1, 400),

    /**
     * The new program cannot take the restore point's state (an operator of the point has no place in it); the
     * point itself is fine and stays a candidate. Start with allowNonRestoredState or choose another point.
     */
    RESTORE_INCOMPATIBLE(1, 400),
    /** A confirmed restore path outside the job's state directories and the admin-configured roots. */
    RESTORE_PATH_REFUSED(2, 412),
    /** A state-changing request without proof that it comes from the server's own pages (cross-site defence). */
    CROSS_SITE_REFUSED(3, 403),
    /** Too many failed logins of one user from one address; refused until the lockout ends. */
    LOGIN_THROTTLED(1, 429),
    /** An alert channel refused or did not answer a delivery (retried from the outbox; a test send reports it). */
    ALERT_DELIVERY_FAILED(1, 400),
    INTERNAL(1, 500);

    private final int envelopeStatus;
    private final int httpStatus;

    ErrorCode(int envelopeStatus, int httpStatus) {
        this.envelopeStatus = envelopeStatus;
        this.httpStatus = httpStatus;
    }

    public int envelopeStatus() {
        return envelopeStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
