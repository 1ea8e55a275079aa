package io.streamis.jobmanager.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamis.common.error.Text;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

class StartFailureTest {

    private final StaticMessageSource messages = new StaticMessageSource();

    StartFailureTest() {
        messages.addMessage("start.did-not-start", Locale.CHINESE, "未能启动：{0}");
        messages.addMessage("start.reason.failed", Locale.CHINESE, "Flink 报告作业失败：{0}");
        messages.addMessage("start.job-ended", Locale.CHINESE, "未能启动：Flink 报告作业 {0}");
        messages.addMessage("start.not-all-running", Locale.CHINESE, "未能启动：{0} 秒内并非所有任务都在运行：状态 {1}，"
                + "运行中的任务 {2}/{3}（空闲槽位不足？）");
        messages.addMessage("start.refused", Locale.CHINESE, "恢复点 {0} 被拒绝：{1}");
        messages.addMessage("start.launch-failed", Locale.CHINESE, "提交失败：{0}");
        messages.addMessage("FLINK_REJECTED.start.stepped-back", Locale.CHINESE, "{0}（已回退 {1} 次，不再尝试其他恢复点）");
    }

    @Test
    void theEnglishIsTheRecordedTextAndReadsBackAsTheSameKeyAndArguments() {
        Text t = StartFailure.NOT_ALL_RUNNING.text(30, "RUNNING", 1, 2);
        assertThat(t.english()).isEqualTo("Did not start: not all tasks running within 30 s: state RUNNING,"
                + " tasks running 1/2 (not enough free slots?)");
        Text read = RunTexts.textOf(t.english());
        assertThat(read.key()).isEqualTo("start.not-all-running");
        assertThat(read.args()).containsExactly("30", "RUNNING", "1", "2");
    }

    /** "Did not start: {0}" and "... Flink reports the job {0}" read other texts too: the most specific wins. */
    @Test
    void theMostSpecificTextIsRecognised() {
        String failed = StartFailure.DID_NOT_START.text(StartFailure.REASON_FAILED.text("boom: x")).english();
        assertThat(RunTexts.textOf(failed).key()).isEqualTo("start.did-not-start");
        assertThat(RunTexts.textOf("Did not start: Flink reports the job CANCELED").key())
                .isEqualTo("start.job-ended");
        assertThat(RunTexts.textOf("Did not start: Flink reports the job FAILED: no exception recorded").args())
                .containsExactly("Flink reports the job FAILED: no exception recorded");
        assertThat(RunTexts.textOf(StartFailure.NOT_ALL_RUNNING.text(30, "RUNNING", 1, 2).english()).key())
                .isEqualTo("start.not-all-running");
    }

    @Test
    void eachLevelOfANestedFailureIsSaidInTheReadersLanguageAndFlinksWordsStay() {
        String refusal = StartFailure.REFUSED.text("file:/c/chk-1", StartFailure.LAUNCH_FAILED.text(
                "java.io.FileNotFoundException: /c/chk-1/_metadata")).english();
        String recorded = StartFailure.STEPPED_BACK.text(refusal, 3).english();
        assertThat(recorded).isEqualTo("Restore point file:/c/chk-1 refused: Launch failed:"
                + " java.io.FileNotFoundException: /c/chk-1/_metadata (stepped back 3 times; no further restore point"
                + " tried)");
        assertThat(RunTexts.localise(Text.plain(recorded), messages, Locale.CHINESE)).isEqualTo(
                "恢复点 file:/c/chk-1 被拒绝：提交失败：java.io.FileNotFoundException: /c/chk-1/_metadata（已回退 3 次，"
                        + "不再尝试其他恢复点）");
        assertThat(RunTexts.localise(Text.plain(recorded), messages, Locale.ENGLISH)).isEqualTo(recorded);
    }

    /** A row written before keys, or Flink's own words: what is none of the platform's texts stays as it is. */
    @Test
    void aTextThatIsNoneOfTheseStaysAsRecorded() {
        assertThat(RunTexts.textOf("java.lang.RuntimeException: boom").key()).isNull();
        assertThat(RunTexts.localise(Text.plain("java.lang.RuntimeException: boom"), messages, Locale.CHINESE))
                .isEqualTo("java.lang.RuntimeException: boom");
        assertThat(RunTexts.textOf("Did not start: Flink reports the job CANCELED").key())
                .isEqualTo("start.job-ended");
    }
}
