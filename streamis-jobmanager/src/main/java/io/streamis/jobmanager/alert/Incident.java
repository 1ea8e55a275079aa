package io.streamis.jobmanager.alert;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.streamis.common.error.Text;
import io.streamis.jobmanager.lifecycle.RunTexts;
import java.time.LocalDateTime;
import org.springframework.context.MessageSource;

/**
 * One alert while it lasts: opened once per (job, rule), resolved when the job recovers. {@code message} and
 * {@code resolution} are the English; their keys and arguments (null on rows written before keys existed, and for
 * a text the platform only passes on) let {@link #localised} say them in the reader's language.
 */
public record Incident(long id, long jobId, String rule, String level, Long taskId, String message,
                       LocalDateTime openedAt, LocalDateTime resolvedAt, String resolution,
                       @JsonIgnore String messageKey, @JsonIgnore String messageArgs,
                       @JsonIgnore String resolutionKey, @JsonIgnore String resolutionArgs) {

    public boolean open() {
        return resolvedAt == null;
    }

    @JsonIgnore
    public Text text() {
        return Text.stored(messageKey, messageArgs, message);
    }

    @JsonIgnore
    public Text resolutionText() {
        return Text.stored(resolutionKey, resolutionArgs, resolution);
    }

    /**
     * The same incident with its message and resolution in the current request's language (same JSON keys); a
     * run's text placed in it (the JOB_FAILED text, the cause a restart decision names) is said in that language
     * too ({@link RunTexts#localise}).
     */
    public Incident localised(MessageSource messages) {
        return new Incident(id, jobId, rule, level, taskId, RunTexts.localise(text(), messages), openedAt,
                resolvedAt, resolution == null ? null : RunTexts.localise(resolutionText(), messages),
                messageKey, messageArgs,
                resolutionKey, resolutionArgs);
    }
}
