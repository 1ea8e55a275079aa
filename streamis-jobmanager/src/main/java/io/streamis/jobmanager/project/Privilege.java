package io.streamis.jobmanager.project;

import java.util.Arrays;

/** Project privileges; RELEASE ⊇ EDIT ⊇ ACCESS. Codes are the 0.3.x table values. */
public enum Privilege {
    RELEASE(1), EDIT(2), ACCESS(3);

    private final int code;

    Privilege(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** Whether holding this privilege grants {@code required}. */
    public boolean grants(Privilege required) {
        return this.code <= required.code;
    }

    public static Privilege fromCode(int code) {
        return Arrays.stream(values()).filter(p -> p.code == code).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown privilege " + code));
    }
}
