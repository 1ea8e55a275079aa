package io.streamis.jobmanager.lifecycle;

import io.streamis.common.error.Text;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One of the platform's texts about a run: its key, its English with places ({0}) for arguments, and the pattern
 * that reads the recorded English back as the same key and arguments. The families ({@link StopReason},
 * {@link StartFailure}, {@link RunError}) hold these; {@link RunTexts} recognises them all.
 */
public final class TextTemplate {

    /** Where an argument goes ({0}). */
    private static final Pattern PLACE = Pattern.compile("\\{(\\d)}");

    /** What an argument may be unless its family says otherwise: anything, as little as the rest allows. */
    static final String ANY = "(.*?)";

    private final String key;
    private final String english;
    private final Pattern recorded;
    private final int fixedLength;

    /** @param argument the pattern (one group) an argument is read with */
    TextTemplate(String key, String english, String argument) {
        this.key = key;
        this.english = english;
        StringBuilder regex = new StringBuilder("^");
        Matcher m = PLACE.matcher(english);
        int at = 0;
        int fixed = 0;
        while (m.find()) {
            regex.append(Pattern.quote(english.substring(at, m.start()))).append(argument);
            fixed += m.start() - at;
            at = m.end();
        }
        regex.append(Pattern.quote(english.substring(at))).append('$');
        this.fixedLength = fixed + english.length() - at;
        this.recorded = Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    String key() {
        return key;
    }

    /** How many of its characters are its own words: the more, the more specific (tried first). */
    int fixedLength() {
        return fixedLength;
    }

    /** The text with its arguments; an argument that is a {@link Text} places its English. */
    Text text(Object... args) {
        List<String> values = Arrays.stream(args).map(a -> a instanceof Text t ? t.english() : String.valueOf(a))
                .toList();
        Matcher m = PLACE.matcher(english);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int i = Integer.parseInt(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(i < values.size() ? values.get(i) : m.group()));
        }
        m.appendTail(out);
        return new Text(key, out.toString(), values);
    }

    /** The recorded text read as this one (its arguments as recorded), or null when it is not this one. */
    Text read(String text) {
        Matcher m = recorded.matcher(text);
        if (!m.matches()) {
            return null;
        }
        List<String> args = new ArrayList<>();
        for (int i = 1; i <= m.groupCount(); i++) {
            args.add(m.group(i));
        }
        return new Text(key, text, args);
    }
}
