package io.streamis.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamis.common.error.ErrorCode;
import io.streamis.common.error.StreamisException;
import io.streamis.common.error.Text;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;

/** The Chinese bundle: every entry is a valid message in Chinese, and keyed errors and texts find theirs. */
class MessageBundleTest {

    private final MessageSource messages = new I18nConfig().messageSource();

    @Test
    void everyEntryIsAValidChineseMessage() throws Exception {
        Properties zh = new Properties();
        try (var in = getClass().getResourceAsStream("/i18n/messages_zh.properties")) {
            zh.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        assertThat(zh).isNotEmpty();
        for (String key : zh.stringPropertyNames()) {
            String text = new MessageFormat(zh.getProperty(key), Locale.CHINESE).format(new Object[] {"a", "b"});
            assertThat(text).as(key).containsPattern("[\\u4e00-\\u9fff]");
            String prefix = key.substring(0, key.indexOf('.'));
            boolean family = prefix.equals("bulk") || prefix.equals("stop") || prefix.equals("notApplied")
                    || prefix.equals("inspect");
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
