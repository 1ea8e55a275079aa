package io.streamis.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamis.common.error.Text;
import io.streamis.common.job.TaskStatus;
import io.streamis.jobmanager.lifecycle.RunTexts;
import io.streamis.jobmanager.task.StreamTask;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

/** A bulk item whose start failed names the run's error once, in a form its own template is still read from. */
class DidNotStartTextTest {

    @Test
    void anErrorThatAlreadySaysItDidNotStartIsNotToldTwiceAndStaysRecognisable() {
        String err = "Did not start: cluster embedded never reported Flink job abc within 60 s";
        Text t = BulkService.didNotStart(task(err));
        assertThat(t.english()).isEqualTo(err);
        StaticMessageSource zh = new StaticMessageSource();
        zh.addMessage("start.never-reported", Locale.CHINA, "未能启动：集群 {0} 在 {2} 秒内没有报告 Flink 作业 {1}");
        assertThat(RunTexts.localise(t, zh, Locale.CHINA))
                .isEqualTo("未能启动：集群 embedded 在 60 秒内没有报告 Flink 作业 abc");
    }

    @Test
    void anyOtherErrorIsIntroducedAsAStartThatFailed() {
        Text t = BulkService.didNotStart(task("Launch failed: the jar has no main class"));
        assertThat(t.key()).isEqualTo("bulk.did-not-start");
        assertThat(t.english()).isEqualTo("did not start: Launch failed: the jar has no main class");
        assertThat(BulkService.didNotStart(task(null)).english()).isEqualTo("did not start: "
                + TaskStatus.FAILED.text());
    }

    private static StreamTask task(String errDesc) {
        return new StreamTask(1, 1, 1, "v00001", TaskStatus.FAILED.code(), null, null, errDesc, "admin", null, null,
                null, null, null, null, "embedded", "BULK", null, null, false, null);
    }
}
