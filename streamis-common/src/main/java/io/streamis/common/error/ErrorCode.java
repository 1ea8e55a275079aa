package io.streamis.common.error;

/**
 * Every rule a request can break, with the envelope status and HTTP status it maps to at the REST boundary.
 * Envelope statuses are the Linkis ones: 1 error, -1 not logged in, 2 validation, 3 no permission.
 */
public enum ErrorCode {
    NOT_LOGGED_IN(-1, 401),
    NO_PERMISSION(3, 403),
    VALIDATION(2, 412),
    BAD_REQUEST(1, 400),
    NOT_FOUND(1, 404),
    CONFLICT(1, 409),
    JOB_DISABLED(1, 409),
    ILLEGAL_STATE(1, 409),
    RESTORE_UNAVAILABLE(1, 409),
    FLINK_UNAVAILABLE(1, 502),
    FLINK_REJECTED(1, 400),
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
