package io.streamis.jobmanager.lifecycle;

import io.streamis.common.error.Text;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * The one place a run's recorded English (err_desc, a cause handed on as a string, an argument of an alert or a
 * bulk item) is recognised as one of the platform's texts and said in the reader's language, whichever family it
 * belongs to ({@link StopReason}, {@link StartFailure}, {@link RunError}): views call this, not the families.
 * Flink's and YARN's words, and a row written before that reads as none of these, stay as they are.
 */
public final class RunTexts {

    /**
     * Every family's templates, tried most specific first (the most fixed words): "Did not start: {0}" would also
     * read the timed-out start's text, "Stop failed: {0}" a stop that failed for want of an answer, with all of it
     * as Flink's words.
     */
    private static final List<TextTemplate> BY_SPECIFICITY = Stream.<RunText[]>of(StopReason.values(),
                    StartFailure.values(), RunError.values())
            .flatMap(Arrays::stream)
            .map(RunText::template)
            .sorted(Comparator.comparingInt(TextTemplate::fixedLength).reversed())
            .toList();

    private RunTexts() {
    }

    /** A recorded text read as one of the platform's (its arguments as recorded), or a plain text when it is none. */
    public static Text textOf(String recorded) {
        if (recorded == null) {
            return null;
        }
        for (TextTemplate t : BY_SPECIFICITY) {
            Text read = t.read(recorded);
            if (read != null) {
                return read;
            }
        }
        return Text.plain(recorded);
    }

    /** A run's recorded text in the current request's language (as it is when it is none of the platform's). */
    public static String localise(String recorded, MessageSource messages) {
        return recorded == null ? null : localise(Text.plain(recorded), messages);
    }

    /** {@link #localise(Text, MessageSource, Locale)} in the current request's language. */
    public static String localise(Text text, MessageSource messages) {
        return localise(text, messages, LocaleContextHolder.getLocale());
    }

    /**
     * The text in {@code locale}: a text without a key is read as one of the platform's first (a row written
     * before, a cause handed on as a string), and every argument that reads as one of them is said in the same
     * language (a run's cause placed in an alert, a refusal in a step back, why a stop failed), so one text never
     * mixes two languages.
     */
    public static String localise(Text text, MessageSource messages, Locale locale) {
        if (text == null) {
            return null;
        }
        Text t = text.key() == null ? textOf(text.english()) : text;
        if (t.key() == null) {
            return t.english();
        }
        Object[] args = t.args().stream().map(a -> {
            Text inner = textOf(a);
            return inner == null || inner.key() == null ? a : localise(inner, messages, locale);
        }).toArray();
        return Text.localise(messages, locale, t.key(), t.english(), args);
    }
}
