package io.streamis.common.error;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * A message a person reads: its bundle key, its English text (the default, and what logs and stored rows hold)
 * and the values the translation places. Stored alongside the English so a later reader can say it in their
 * language.
 */
public record Text(String key, String english, List<String> args) {

    /** Separates stored arguments (a control character no argument contains). */
    private static final String SEPARATOR = "\u001f";

    public Text {
        args = args == null ? List.of() : List.copyOf(args);
    }

    public static Text of(String key, String english, Object... args) {
        return new Text(key, english, Arrays.stream(args).map(String::valueOf).toList());
    }

    /** English only (no translation exists). */
    public static Text plain(String english) {
        return new Text(null, english, List.of());
    }

    public static Text of(RuntimeException e) {
        if (e instanceof StreamisException s && s.messageKey() != null) {
            return new Text(s.messageKey(), s.getMessage(), Arrays.stream(s.args()).map(String::valueOf).toList());
        }
        return plain(String.valueOf(e.getMessage()));
    }

    /** Rebuilds a stored text; a row written before keys existed has only its English. */
    public static Text stored(String key, String storedArgs, String english) {
        return new Text(key, english, storedArgs == null || storedArgs.isEmpty() ? List.of()
                : List.of(storedArgs.split(SEPARATOR, -1)));
    }

    public String storedArgs() {
        return args.isEmpty() ? null : String.join(SEPARATOR, args);
    }

    /** The text in the current request's language, English when the bundle has no translation. */
    public String localise(MessageSource messages) {
        return localise(messages, LocaleContextHolder.getLocale());
    }

    public String localise(MessageSource messages, Locale locale) {
        return localise(messages, locale, key, english, args.toArray());
    }

    /** The translation of {@code key} with {@code args}, or {@code english} when there is none. */
    public static String localise(MessageSource messages, Locale locale, String key, String english, Object[] args) {
        if (key == null || messages == null) {
            return english;
        }
        // Strings, so numbers are placed as they are (MessageFormat would group 1234 as 1,234).
        Object[] values = Arrays.stream(args).map(String::valueOf).toArray();
        String translated = messages.getMessage(key, values, null, locale);
        return translated == null ? english : translated;
    }
}
