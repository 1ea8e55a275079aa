package io.streamis.common.error;

/**
 * Root of every business error. The message names the rule that was broken and is safe to show to a client;
 * the boundary maps {@link #code()} to the envelope and HTTP status.
 */
public class StreamisException extends RuntimeException {

    private final ErrorCode code;

    public StreamisException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public StreamisException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    public static StreamisException validation(String message) {
        return new StreamisException(ErrorCode.VALIDATION, message);
    }

    public static StreamisException badRequest(String message) {
        return new StreamisException(ErrorCode.BAD_REQUEST, message);
    }

    public static StreamisException notFound(String message) {
        return new StreamisException(ErrorCode.NOT_FOUND, message);
    }

    public static StreamisException noPermission(String message) {
        return new StreamisException(ErrorCode.NO_PERMISSION, message);
    }

    public static StreamisException notLoggedIn() {
        return new StreamisException(ErrorCode.NOT_LOGGED_IN, "You are not logged in, please log in first");
    }

    public static StreamisException conflict(String message) {
        return new StreamisException(ErrorCode.CONFLICT, message);
    }

    public static StreamisException illegalState(String message) {
        return new StreamisException(ErrorCode.ILLEGAL_STATE, message);
    }
}
