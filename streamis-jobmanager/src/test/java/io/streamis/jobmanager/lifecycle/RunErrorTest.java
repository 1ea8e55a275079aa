package io.streamis.jobmanager.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamis.common.error.Text;
import io.streamis.jobmanager.operation.OperationKind;
import io.streamis.launcher.client.FlinkJobState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

/**
 * The platform's other texts on a run (a stop that failed and why, the monitor's, the recovery's) and a stop's
 * reasons: the English is what the run recorded before, byte for byte, and {@link RunTexts} reads it back as the
 * same key and arguments, whichever family, the most specific first, each nested level in the reader's language.
 */
class RunErrorTest {

    private final StaticMessageSource messages = new StaticMessageSource();

    RunErrorTest() {
        messages.addMessage("run.stop-failed", Locale.CHINESE, "停止失败：{0}");
        messages.addMessage("run.operation.not-stopped", Locale.CHINESE, "作业在 {0} 秒内没有停止");
        messages.addMessage("run.operation.trigger-unanswered", Locale.CHINESE, "Flink 没有响应 {0} 请求");
        messages.addMessage("run.operation.not-completed", Locale.CHINESE, "{0} 在 {1} 秒内没有完成");
        messages.addMessage("stop.killed-unanswering", Locale.CHINESE, "Flink 没有响应（{0}）；YARN 应用已被强制结束，未做"
                + "快照，下次启动将从最新的检查点恢复");
        messages.addMessage("run.wait-restart", Locale.CHINESE, "Flink 报告作业 {0}，运行中的任务 {1}/{2}");
    }

    /** What the reconcilers, the stop and the recovery wrote as string concatenations before: unchanged. */
    @Test
    void theEnglishIsWhatTheRunRecordedBefore() {
        assertThat(RunError.STOP_FAILED.english("boom")).isEqualTo("Stop failed: boom");
        assertThat(RunError.NOT_ASKED.english())
                .isEqualTo("the request ended before Flink was asked (was the server restarted?)");
        assertThat(RunError.NOT_COMPLETED.english(OperationKind.STOP_WITH_SAVEPOINT, 60L))
                .isEqualTo("STOP_WITH_SAVEPOINT did not complete within 60 s");
        assertThat(RunError.NOT_STOPPED.english(60L)).isEqualTo("the job did not stop within 60 s");
        assertThat(RunError.TRIGGER_UNANSWERED.english(OperationKind.CANCEL))
                .isEqualTo("Flink did not answer the CANCEL request");
        assertThat(RunError.UNANSWERED.english("timeout")).isEqualTo("Flink did not answer: timeout");
        assertThat(RunError.UNANSWERED_KILL_FAILED.english("timeout", "no RM"))
                .isEqualTo("Flink did not answer: timeout; killing the YARN application failed too: no RM");
        assertThat(RunError.FINISHED.english()).isEqualTo("the job finished");
        assertThat(RunError.CANCELLED_OUTSIDE.english()).isEqualTo("the job was cancelled outside Streamis");
        assertThat(RunError.WAIT_RESTART.english(FlinkJobState.RESTARTING, 1, 2))
                .isEqualTo("Flink reports RESTARTING with 1/2 tasks running");
        assertThat(RunError.UNLISTED.english("embedded"))
                .isEqualTo("the job is no longer listed by cluster embedded (unconfirmed)");
        assertThat(RunError.MISSING.text("embedded", 120L)).isEqualTo(Text.of("alert.lost",
                "the job has been missing from cluster embedded for 120 s", "embedded", 120L));
        assertThat(RunError.CLUSTER_GONE.english("y1")).isEqualTo("cluster y1 is no longer configured");
        assertThat(RunError.STOPPED_WHILE_STARTING.english())
                .isEqualTo("the server stopped while the job was starting");
        assertThat(RunError.STOP_INTERRUPTED.english()).isEqualTo("the stop was interrupted by a server restart");
        assertThat(RunError.ADOPTED.english("abc"))
                .isEqualTo("adopted Flink job abc after a server restart during its start");
        assertThat(RunError.EMBEDDED_GONE.english())
                .isEqualTo("the embedded Flink cluster stopped with the previous server process");
        assertThat(StopReason.killedUnanswering("timeout")).isEqualTo("Flink did not answer (timeout); the YARN"
                + " application was killed without a savepoint, the next start restores from the newest checkpoint");
        assertThat(StopReason.SAVEPOINT.record("file:/s/sp-1")).isEqualTo("stopped by user with savepoint file:/s/sp-1");
        assertThat(StopReason.CANCELLED.record(null)).isEqualTo("stopped by user (cancelled without savepoint)");
    }

    /** Every template of every family reads back as itself: none is shadowed by a looser one of another family. */
    @Test
    void everyTextOfEveryFamilyRoundTrips() {
        List<Text> all = new ArrayList<>();
        // Words a template that reads Flink's state word ([A-Z_]+) accepts too.
        Object[] args = {"ARG_A", "ARG_B", "ARG_C", "ARG_D"};
        for (RunError e : RunError.values()) {
            all.add(e.text(args));
        }
        for (StopReason r : StopReason.values()) {
            all.add(r.text(args));
        }
        for (StartFailure f : StartFailure.values()) {
            all.add(f.text(args));
        }
        for (Text t : all) {
            Text read = RunTexts.textOf(t.english());
            assertThat(read.key()).as(t.english()).isEqualTo(t.key());
            assertThat(read.english()).isEqualTo(t.english());
            // Its places read back as the arguments given (a template without places reads none).
            assertThat(read.args()).as(t.english()).isEqualTo(t.args().subList(0, read.args().size()));
        }
    }

    /** "Stop failed: {0}" reads a failed stop's why as its argument, and the why is read as its own template. */
    @Test
    void theMostSpecificTextIsRecognisedAndItsArgumentIsReadAgain() {
        String recorded = RunError.STOP_FAILED.english(RunError.UNANSWERED_KILL_FAILED.text("timeout", "no RM"));
        Text outer = RunTexts.textOf(recorded);
        assertThat(outer.key()).isEqualTo("run.stop-failed");
        Text inner = RunTexts.textOf(outer.args().get(0));
        assertThat(inner.key()).isEqualTo("run.operation.kill-failed");
        assertThat(inner.args()).containsExactly("timeout", "no RM");
        // "{0} did not complete within {1} s" has more words of its own, but its {0} is the operation's kind only.
        assertThat(RunTexts.textOf("Stop failed: SAVEPOINT did not complete within 60 s").key())
                .isEqualTo("run.stop-failed");
        assertThat(RunTexts.textOf("Flink reports the job FAILED: boom with 1/2 tasks running").key())
                .isEqualTo("start.reason.failed");
        assertThat(RunTexts.textOf(StopReason.killedUnanswering("Flink did not answer the CANCEL request")).key())
                .isEqualTo("stop.killed-unanswering");
    }

    @Test
    void eachNestedLevelIsSaidInTheReadersLanguageAndFlinksWordsStay() {
        String stop = RunError.STOP_FAILED.english(RunError.NOT_STOPPED.text(60L));
        assertThat(RunTexts.localise(Text.plain(stop), messages, Locale.CHINESE)).isEqualTo("停止失败：作业在 60 秒内没有停止");
        assertThat(RunTexts.localise(Text.plain(stop), messages, Locale.ENGLISH)).isEqualTo(stop);
        String killed = StopReason.killedUnanswering(RunError.TRIGGER_UNANSWERED.english(
                OperationKind.STOP_WITH_SAVEPOINT));
        assertThat(RunTexts.localise(Text.plain(killed), messages, Locale.CHINESE)).isEqualTo("Flink 没有响应（Flink"
                + " 没有响应 STOP_WITH_SAVEPOINT 请求）；YARN 应用已被强制结束，未做快照，下次启动将从最新的检查点恢复");
        String flinks = RunError.STOP_FAILED.english("java.util.concurrent.TimeoutException: stop took too long");
        assertThat(RunTexts.localise(Text.plain(flinks), messages, Locale.CHINESE))
                .isEqualTo("停止失败：java.util.concurrent.TimeoutException: stop took too long");
        assertThat(RunTexts.localise(RunError.WAIT_RESTART.text(FlinkJobState.RESTARTING, 0, 4), messages,
                Locale.CHINESE)).isEqualTo("Flink 报告作业 RESTARTING，运行中的任务 0/4");
    }
}
