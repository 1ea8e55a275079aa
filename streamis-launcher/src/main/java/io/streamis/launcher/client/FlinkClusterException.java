package io.streamis.launcher.client;

import io.streamis.common.error.ErrorCode;
import io.streamis.common.error.StreamisException;

/** A Flink cluster refused a call ({@code FLINK_REJECTED}) or could not be reached ({@code FLINK_UNAVAILABLE}). */
public class FlinkClusterException extends StreamisException {

    private final int httpStatus;

    public FlinkClusterException(ErrorCode code, int httpStatus, String message) {
        super(code, message);
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public boolean isNotFound() {
        return httpStatus == 404;
    }
}
