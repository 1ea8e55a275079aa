package io.streamis.jobmanager.lifecycle;

import io.streamis.common.error.Text;

/**
 * A family of the platform's texts about a run ({@link StopReason}, {@link StartFailure}, {@link RunError}): each
 * constant holds its {@link TextTemplate}; what a caller asks of it is the same in every family.
 */
public interface RunText {

    /** The template: key, English and the pattern {@link RunTexts} reads a recorded text back with. */
    TextTemplate template();

    default String key() {
        return template().key();
    }

    /** The text with its arguments; an argument that is a {@link Text} places its English. */
    default Text text(Object... args) {
        return template().text(args);
    }
}
