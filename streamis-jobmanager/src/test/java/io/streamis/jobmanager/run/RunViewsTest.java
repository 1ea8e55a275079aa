package io.streamis.jobmanager.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamis.jobmanager.lifecycle.JobInfo;
import io.streamis.jobmanager.lifecycle.RunTexts;
import io.streamis.jobmanager.lifecycle.StopReason;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.StaticMessageSource;

class RunViewsTest {

    private final StaticMessageSource messages = new StaticMessageSource();
    private final RunViews views = new RunViews(null, messages, new ObjectMapper());

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    @SuppressWarnings("unchecked")
    void notAppliedReasonsComeInTheReadersLanguageAndUnknownOnesStayAsRecorded() {
        messages.addMessage("notApplied.wds.linkis.rm.yarnqueue", Locale.CHINESE, "{0}={1}：YARN 队列不适用于会话集群");
        JobInfo info = new JobInfo(null, "j", "u", "Running", "embedded", null, null, "flink", null, "detach",
                List.of(), null, List.of("wds.linkis.rm.yarnqueue=q1: YARN queues do not apply to a session cluster",
                "hdfs.jars h: HDFS jars are not shipped yet"), null);
        LocaleContextHolder.setLocale(Locale.CHINESE);
        Map<String, Object> out = views.localised(Map.of("linkisJobInfo", info, "taskId", 3L));
        List<String> notApplied = (List<String>) ((Map<String, Object>) out.get("linkisJobInfo")).get("notApplied");
        assertThat(notApplied).containsExactly("wds.linkis.rm.yarnqueue=q1：YARN 队列不适用于会话集群",
                "hdfs.jars h: HDFS jars are not shipped yet");
        assertThat(out.get("taskId")).isEqualTo(3L);
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        Map<String, Object> en = views.localised(Map.of("linkisJobInfo", info));
        assertThat((List<String>) ((Map<String, Object>) en.get("linkisJobInfo")).get("notApplied")).first()
                .isEqualTo("wds.linkis.rm.yarnqueue=q1: YARN queues do not apply to a session cluster");
    }

    @Test
    void aRecordedStopReasonIsRecognisedAndFlinksOwnWordsAreNot() {
        assertThat(RunTexts.textOf(StopReason.SAVEPOINT.record("file:/s/savepoint-1")).args())
                .containsExactly("file:/s/savepoint-1");
        assertThat(RunTexts.textOf(StopReason.CANCELLED.record(null)).key()).isEqualTo("stop.cancelled");
        assertThat(RunTexts.textOf("java.lang.RuntimeException: boom").key()).isNull();
    }
}
