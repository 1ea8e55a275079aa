package io.streamis.jobmanager.lifecycle;

import io.streamis.common.error.Text;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * Why a start failed, in the platform's own words: English in the run's error (err_desc, which the 0.3.x errorMsg
 * and the restore classification read as it is), recognised again when a view says it in the reader's language —
 * as {@link StopReason} does for a stop. Flink's and YARN's words are arguments and stay as they are. A cause
 * nests: a step back's refusal names the reason Flink gave, a refused step back names that refusal; each argument
 * that is itself one of these texts is said in the same language. A row written before keeps its English unless
 * it reads as one of these texts.
 */
public enum StartFailure {
    NEVER_APPEARED("start.never-appeared", "the application never appeared on cluster {0} within {1} s"),
    NEVER_REPORTED("start.never-reported", "Did not start: cluster {0} never reported Flink job {1} within {2} s"),
    NOT_ALL_RUNNING("start.not-all-running", "Did not start: not all tasks running within {0} s: state {1},"
            + " tasks running {2}/{3} (not enough free slots?)"),
    NOT_ALL_RUNNING_YARN("start.not-all-running-yarn", "Did not start: not all tasks running within {0} s:"
            + " state {1}, tasks running {2}/{3} (YARN did not grant all of the application's containers: is the"
            + " queue full?)"),
    /** A session job that ended otherwise than FAILED while starting (its argument is Flink's state word). */
    JOB_ENDED("start.job-ended", "Did not start: Flink reports the job {0}", "([A-Z_]+)"),
    DID_NOT_START("start.did-not-start", "Did not start: {0}"),
    REASON_FAILED("start.reason.failed", "Flink reports the job FAILED: {0}"),
    REASON_UNEXPLAINED("start.reason.unexplained", "Flink reports the job FAILED: no exception recorded"),
    REASON_RESTARTING("start.reason.restarting", "Flink could not restore the job's state (restarting): {0}"),
    REASON_ENDED("start.reason.ended", "the application of the start ended before its job ran: {0}"),
    LAUNCH_FAILED("start.launch-failed", "Launch failed: {0}"),
    REFUSED("start.refused", "Restore point {0} refused: {1}"),
    REFUSED_NOT_STEPPED("start.refused-not-stepped", "Restore point {0} refused: {1}; the step back was not made:"
            + " {2}"),
    // The start's own refusals, thrown as keyed errors (StartService, RestoreFailure) and recorded as their English.
    STEPPED_BACK("FLINK_REJECTED.start.stepped-back", "{0} (stepped back {1} times; no further restore point"
            + " tried)"),
    NO_POINT_LEFT("RESTORE_UNAVAILABLE.no-point-left", "{0}; no other usable restore point is left, refusing to"
            + " start without state{1}. Choose a restore point, or repair the point and clear its mark"
            + " (POST /job/snapshots/clearRefused)"),
    INCOMPATIBLE("RESTORE_INCOMPATIBLE.program", "Job {0} version {1} cannot take the state of restore point {2}:"
            + " the new program has no operator for some of its state ({3}). The restore point is kept. Start again"
            + " with allowNonRestoredState=true to skip the state that no longer maps, or choose another restore"
            + " point.");

    /**
     * Tried most specific first (the most fixed words): "Did not start: {0}" would also read the timed-out start's
     * text, with all of it as Flink's words.
     */
    private static final List<StartFailure> BY_SPECIFICITY = Arrays.stream(values())
            .sorted(Comparator.comparingInt((StartFailure f) -> f.fixedLength).reversed()).toList();

    private final String key;
    private final String english;
    private final Pattern recorded;
    private final int fixedLength;

    StartFailure(String key, String english) {
        this(key, english, "(.*?)");
    }

    StartFailure(String key, String english, String argument) {
        this.key = key;
        this.english = english;
        StringBuilder regex = new StringBuilder("^");
        Matcher m = Place.PATTERN.matcher(english);
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

    /** Where an argument goes ({0}); a holder, as an enum's constructor cannot read its own static fields. */
    private static final class Place {
        static final Pattern PATTERN = Pattern.compile("\\{(\\d)}");
    }

    public String key() {
        return key;
    }

    /** The text with its arguments; an argument that is a {@link Text} places its English. */
    public Text text(Object... args) {
        List<String> values = Arrays.stream(args).map(a -> a instanceof Text t ? t.english() : String.valueOf(a))
                .toList();
        Matcher m = Place.PATTERN.matcher(english);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int i = Integer.parseInt(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(i < values.size() ? values.get(i) : m.group()));
        }
        m.appendTail(out);
        return new Text(key, out.toString(), values);
    }

    /** A recorded text read as one of these (its arguments as recorded), or a plain text when it is none. */
    public static Text textOf(String recorded) {
        if (recorded == null) {
            return null;
        }
        for (StartFailure f : BY_SPECIFICITY) {
            Matcher m = f.recorded.matcher(recorded);
            if (m.matches()) {
                List<String> args = new ArrayList<>();
                for (int i = 1; i <= m.groupCount(); i++) {
                    args.add(m.group(i));
                }
                return new Text(f.key, recorded, args);
            }
        }
        return Text.plain(recorded);
    }

    /** {@link #localise(Text, MessageSource, Locale)} in the current request's language. */
    public static String localise(Text text, MessageSource messages) {
        return localise(text, messages, LocaleContextHolder.getLocale());
    }

    /**
     * The text in {@code locale}: a text without a key is read as one of these first (a row written before, a
     * cause handed on as a string), and every argument that reads as one of these is said in the same language
     * (a run's cause placed in an alert, a refusal in a step back), so one text never mixes two languages.
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
            return inner.key() == null ? a : localise(inner, messages, locale);
        }).toArray();
        return Text.localise(messages, locale, t.key(), t.english(), args);
    }
}
