package io.streamis.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamis.common.error.ErrorCode;
import io.streamis.common.error.StreamisException;
import io.streamis.common.error.Text;
import io.streamis.jobmanager.lifecycle.RunError;
import io.streamis.jobmanager.lifecycle.RunTexts;
import io.streamis.jobmanager.lifecycle.StartFailure;
import io.streamis.jobmanager.lifecycle.StopReason;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.mock.web.MockHttpServletRequest;

/** The Chinese bundle: every entry is a valid message in Chinese, and keyed errors and texts find theirs. */
class MessageBundleTest {

    private final MessageSource messages = new I18nConfig().messageSource();

    /** A keyed error as the code writes it: {@code new StreamisException(ErrorCode.X, "key", ...)}. */
    private static final Pattern KEYED = Pattern.compile(
            "new StreamisException\\(\\s*ErrorCode\\.([A-Z_]+),\\s*\"([a-z][a-z0-9.-]*)\",");
    /** ... or through a keyed factory: {@code StreamisException.notFound("key", "English", args)}. */
    private static final Pattern KEYED_FACTORY = Pattern.compile(
            "StreamisException\\.(validation|notFound|noPermission|illegalState|conflict)\\(\\s*\"([a-z][a-z0-9.-]*)\",");
    /** ... or a text with its bundle key: {@code Text.of("bulk.stopped", "stopped")}, {@code Text.of("NOT_FOUND.endpoint", …)}. */
    private static final Pattern FAMILY_TEXT = Pattern.compile("Text\\.of\\(\\s*\"([A-Za-z][A-Za-z_]*\\.[a-z0-9.-]+)\",");
    private static final Map<String, ErrorCode> FACTORY_CODES = Map.of("validation", ErrorCode.VALIDATION,
            "notFound", ErrorCode.NOT_FOUND, "noPermission", ErrorCode.NO_PERMISSION,
            "illegalState", ErrorCode.ILLEGAL_STATE, "conflict", ErrorCode.CONFLICT);

    private Properties zh() throws IOException {
        Properties zh = new Properties();
        try (var in = getClass().getResourceAsStream("/i18n/messages_zh.properties")) {
            zh.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return zh;
    }

    /** A key used without its Chinese line would answer English on a Chinese page, silently. */
    @Test
    void everyKeyTheCodeUsesHasAChineseLine() throws IOException {
        Set<String> thrown = new TreeSet<>();
        try (Stream<Path> modules = Files.list(Path.of(".."))) {
            for (Path main : modules.map(m -> m.resolve("src/main/java")).filter(Files::isDirectory).toList()) {
                try (Stream<Path> files = Files.walk(main)) {
                    for (Path f : files.filter(x -> x.toString().endsWith(".java")).toList()) {
                        String source = Files.readString(f);
                        Matcher m = KEYED.matcher(source);
                        while (m.find()) {
                            thrown.add(m.group(1) + "." + m.group(2));
                        }
                        m = KEYED_FACTORY.matcher(source);
                        while (m.find()) {
                            thrown.add(FACTORY_CODES.get(m.group(1)).name() + "." + m.group(2));
                        }
                        m = FAMILY_TEXT.matcher(source);
                        while (m.find()) {
                            thrown.add(m.group(1));
                        }
                    }
                }
            }
        }
        assertThat(thrown).as("keys found in the sources").contains("NOT_FOUND.job", "RESTORE_UNAVAILABLE.refused",
                "VALIDATION.upload.no-meta", "bulk.stopped", "log.no-log-file", "NOT_FOUND.endpoint",
                "alert.restarts-in-window", "log.exceptions-below").hasSizeGreaterThan(40);
        assertThat(zh().stringPropertyNames()).containsAll(thrown);
    }

    /** A run's text (a start's failure, a stop, what else the platform records) is recognised by its key. */
    @Test
    void everyRunTextHasAChineseLine() throws IOException {
        Set<String> keys = new TreeSet<>();
        for (StartFailure f : StartFailure.values()) {
            keys.add(f.key());
        }
        for (StopReason r : StopReason.values()) {
            keys.add(r.key());
        }
        for (RunError e : RunError.values()) {
            keys.add(e.key());
        }
        assertThat(keys).contains("run.stop-failed", "stop.killed-unanswering", "run.recovery.embedded-gone");
        assertThat(zh().stringPropertyNames()).containsAll(keys);
    }

    /** A recorded start failure nests (a refusal names Flink's reason): each level is said in Chinese. */
    @Test
    void aNestedStartFailureSpeaksChineseThroughoutAndKeepsItsEnglish() {
        String recorded = StartFailure.REFUSED.text("file:/c/chk-2",
                StartFailure.REASON_FAILED.text("java.io.FileNotFoundException: _metadata")).english();
        assertThat(recorded).isEqualTo("Restore point file:/c/chk-2 refused: Flink reports the job FAILED:"
                + " java.io.FileNotFoundException: _metadata");
        assertThat(RunTexts.localise(Text.plain(recorded), messages, Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("恢复点 file:/c/chk-2 被拒绝：Flink 报告作业失败：java.io.FileNotFoundException: _metadata");
        assertThat(RunTexts.localise(Text.plain(recorded), messages, Locale.ENGLISH)).isEqualTo(recorded);
    }

    /** A stop that failed names why, the platform's words or Flink's: the bundle says both levels in Chinese. */
    @Test
    void aFailedStopSpeaksChineseThroughoutAndKeepsItsEnglish() {
        String recorded = RunError.STOP_FAILED.english(RunError.UNANSWERED.text("connection refused"));
        assertThat(recorded).isEqualTo("Stop failed: Flink did not answer: connection refused");
        assertThat(RunTexts.localise(Text.plain(recorded), messages, Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("停止失败：Flink 没有响应：connection refused");
        assertThat(RunTexts.localise(Text.plain(recorded), messages, Locale.ENGLISH)).isEqualTo(recorded);
    }

    /** The answer of a stop that failed names why as its operation recorded it: in the caller's language too. */
    @Test
    void aFailedStopsAnswerNamesWhyInTheCallersLanguage() {
        String why = RunError.NOT_STOPPED.english(60);
        StreamisException e = new StreamisException(ErrorCode.FLINK_REJECTED, "stop.failed", "Stopping job j failed: "
                + why, "j", why);
        ExceptionAdvice advice = new ExceptionAdvice(messages);
        try {
            LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
            assertThat(advice.business(e, new MockHttpServletRequest()).getBody().getMessage())
                    .isEqualTo("停止作业 j 失败：作业在 60 秒内没有停止");
            LocaleContextHolder.setLocale(Locale.ENGLISH);
            assertThat(advice.business(e, new MockHttpServletRequest()).getBody().getMessage())
                    .isEqualTo("Stopping job j failed: the job did not stop within 60 s");
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
    }

    @Test
    void everyEntryIsAValidChineseMessage() throws Exception {
        Properties zh = zh();
        assertThat(zh).isNotEmpty();
        for (String key : zh.stringPropertyNames()) {
            String text = new MessageFormat(zh.getProperty(key), Locale.CHINESE).format(new Object[] {"a", "b"});
            assertThat(text).as(key).containsPattern("[\\u4e00-\\u9fff]");
            String prefix = key.substring(0, key.indexOf('.'));
            boolean family = prefix.equals("bulk") || prefix.equals("stop") || prefix.equals("start")
                    || prefix.equals("run") || prefix.equals("notApplied")
                    || prefix.equals("inspect") || prefix.equals("log") || prefix.equals("alert");
            assertThat(family || isErrorCode(prefix)).as(key + " is keyed by an error code or a family").isTrue();
        }
    }

    @Test
    void aKeyedErrorSpeaksChineseAndKeepsItsEnglish() {
        StreamisException refused = new StreamisException(ErrorCode.RESTORE_UNAVAILABLE, "refused",
                "Refusing to start job orders without state: ... Tried: file:/a", "orders", "file:/a");
        String zh = Text.localise(messages, Locale.SIMPLIFIED_CHINESE, refused.messageKey(), refused.getMessage(),
                refused.args());
        assertThat(zh).startsWith("拒绝在无状态的情况下启动作业 orders").endsWith("已尝试：file:/a");
        assertThat(Text.localise(messages, Locale.ENGLISH, refused.messageKey(), refused.getMessage(),
                refused.args())).isEqualTo(refused.getMessage());
        // Numbers are placed as they are, not grouped (1,200).
        StreamisException locked = new StreamisException(ErrorCode.LOGIN_THROTTLED, "locked", "Too many", "bob", 1200L);
        assertThat(Text.localise(messages, Locale.CHINESE, locked.messageKey(), locked.getMessage(), locked.args()))
                .contains("1200 秒");
    }

    /** A line without arguments follows the same quoting rule as one with them: '' is one quote. */
    @Test
    void aLineWithoutArgumentsQuotesLikeTheOthers() {
        assertThat(Text.of("VALIDATION.not-multipart", "The request must be multipart/form-data with a 'file' part")
                .localise(messages, Locale.SIMPLIFIED_CHINESE)).isEqualTo("请求必须是带 'file' 部分的 multipart/form-data");
    }

    @Test
    void anErrorWithoutKeyOrTranslationStaysEnglish() {
        assertThat(Text.localise(messages, Locale.CHINESE, null, "plain", new Object[0])).isEqualTo("plain");
        assertThat(Text.localise(messages, Locale.CHINESE, "VALIDATION.no-such-key", "plain", new Object[0]))
                .isEqualTo("plain");
        assertThat(Text.of("bulk.running-restored", "running, restored from file:/s", "file:/s")
                .localise(messages, Locale.SIMPLIFIED_CHINESE)).isEqualTo("运行中，恢复自 file:/s");
    }

    private static boolean isErrorCode(String s) {
        for (ErrorCode c : ErrorCode.values()) {
            if (c.name().equals(s)) {
                return true;
            }
        }
        return false;
    }
}
