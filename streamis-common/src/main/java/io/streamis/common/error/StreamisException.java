package io.streamis.common.error;

/**
 * Root of every business error. The message names the rule that was broken and is safe to show to a client;
 * the boundary maps {@link #code()} to the envelope and HTTP status. An error a person meets in the UI also
 * carries a message key and its arguments, so the boundary can say it in the caller's language (the English
 * message stays the default and what the log shows).
 */
public class StreamisException extends RuntimeException {

    private final ErrorCode code;
    private final String messageKey;
    private final transient Object[] args;

    public StreamisException(ErrorCode code, String message) {
        this(code, message, (Throwable) null);
    }

    public StreamisException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.messageKey = null;
        this.args = new Object[0];
    }

    /**
     * @param key  the message's key below its error code (the bundle key is {@code CODE.key})
     * @param args the values the translated text places, in order
     */
    public StreamisException(ErrorCode code, String key, String message, Object... args) {
        super(message);
        this.code = code;
        this.messageKey = code.name() + "." + key;
        this.args = args.clone();
    }

    /** Keeps what caused a keyed error (for the log; the keyed constructor takes none); returns this error. */
    public StreamisException causedBy(Throwable cause) {
        initCause(cause);
        return this;
    }

    public ErrorCode code() {
        return code;
    }

    /** The bundle key ({@code CODE.key}), or null when the error has only its English message. */
    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }

    public static StreamisException validation(String message) {
        return new StreamisException(ErrorCode.VALIDATION, message);
    }

    /** A validation error with its bundle key ({@code VALIDATION.key}) and the values the translation places. */
    public static StreamisException validation(String key, String message, Object... args) {
        return new StreamisException(ErrorCode.VALIDATION, key, message, args);
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

    /** A refusal for lack of privilege with its bundle key ({@code NO_PERMISSION.key}). */
    public static StreamisException noPermission(String key, String message, Object... args) {
        return new StreamisException(ErrorCode.NO_PERMISSION, key, message, args);
    }

    /** Something named that does not exist, with its bundle key ({@code NOT_FOUND.key}). */
    public static StreamisException notFound(String key, String message, Object... args) {
        return new StreamisException(ErrorCode.NOT_FOUND, key, message, args);
    }

    public static StreamisException notLoggedIn() {
        return new StreamisException(ErrorCode.NOT_LOGGED_IN, "required", "You are not logged in, please log in first");
    }

    public static StreamisException conflict(String message) {
        return new StreamisException(ErrorCode.CONFLICT, message);
    }

    /** A conflict with existing data, with its bundle key ({@code CONFLICT.key}). */
    public static StreamisException conflict(String key, String message, Object... args) {
        return new StreamisException(ErrorCode.CONFLICT, key, message, args);
    }

    public static StreamisException illegalState(String message) {
        return new StreamisException(ErrorCode.ILLEGAL_STATE, message);
    }

    /** An action the current state does not allow, with its bundle key ({@code ILLEGAL_STATE.key}). */
    public static StreamisException illegalState(String key, String message, Object... args) {
        return new StreamisException(ErrorCode.ILLEGAL_STATE, key, message, args);
    }
}
