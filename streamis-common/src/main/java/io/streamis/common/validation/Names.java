package io.streamis.common.validation;

import io.streamis.common.error.StreamisException;
import java.util.regex.Pattern;

/** The one naming rule for projects, jobs and stored files. */
public final class Names {

    public static final Pattern SAFE_NAME = Pattern.compile("^[A-Za-z0-9._-]+$");
    public static final int MAX_LENGTH = 200;

    private Names() {
    }

    /** Rejects blank names, names longer than 200 characters and names outside {@code ^[A-Za-z0-9._-]+$}. */
    public static String require(String what, String value) {
        if (value == null || value.isBlank()) {
            throw StreamisException.validation("name.required", what + " is required and must not be blank", what);
        }
        if (value.length() > MAX_LENGTH || !SAFE_NAME.matcher(value).matches() || value.equals(".")
                || value.equals("..")) {
            throw StreamisException.validation("name.unsafe", what + " '" + abbreviate(value)
                    + "' must match ^[A-Za-z0-9._-]+$ and be at most " + MAX_LENGTH + " characters", what,
                    abbreviate(value), MAX_LENGTH);
        }
        return value;
    }

    private static String abbreviate(String value) {
        return value.length() > 60 ? value.substring(0, 60) + "..." : value;
    }
}
