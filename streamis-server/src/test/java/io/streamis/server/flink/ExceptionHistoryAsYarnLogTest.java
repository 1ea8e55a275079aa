package io.streamis.server.flink;

import static io.streamis.server.flink.FlinkTestSupport.await;
import static io.streamis.server.flink.FlinkTestSupport.produce;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamis.server.support.ApiTestSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * {@code GET job/logs?logType=yarn} on the embedded cluster, which keeps no JobManager log file: the notice stays
 * line 1 and the run's Flink exception history follows as lines (each exception's header with its time, then its
 * trace one frame a line), paged and filtered like every other log type, never a Java object's {@code toString()}.
 */
class ExceptionHistoryAsYarnLogTest extends AbstractFlinkApiTest {

    /** Divides by zero on its first record: Flink fails the job with an ArithmeticException. */
    private static final String DIVIDES_BY_ZERO = """
            CREATE TABLE src (k INT) WITH ('connector'='datagen','rows-per-second'='5',
              'fields.k.min'='1','fields.k.max'='9');
            CREATE TABLE snk (k INT) WITH ('connector'='blackhole');
            INSERT INTO snk SELECT 10 / (k - k) FROM src;
            """;

    @Test
    void aFailedRunsYarnLogIsItsExceptionHistoryAsLinesAfterTheNotice() throws Exception {
        long jobId = upload(FlinkTestSupport.sqlZip("sql_div_zero", DIVIDES_BY_ZERO,
                produce("60000", false, "\"restart-strategy.type\":\"none\"")));
        JsonNode accepted = executeAccepted(jobId, null);
        long taskId = accepted.get("taskId").asLong();
        await("run " + taskId + " FAILED", WAIT, () -> latestRun(jobId, taskId), t -> t.path("status").asInt() == 6);
        String flinkJobId = accepted.get("flinkJobId").asText();
        // Flink's own history of the run: what the lines must be made of.
        await("Flink's exception history of " + flinkJobId, WAIT,
                () -> json.valueToTree(clusters.get("embedded").exceptions(flinkJobId)),
                n -> n.path("rootException").asText("").contains("/ by zero"));

        JsonNode all = logs(jobId, Map.of("pageSize", "1000")).at("/data/logs");
        List<String> lines = texts(all.get("logs"));
        assertThat(lines.get(0)).isEqualTo("This cluster keeps no JobManager log file (embedded MiniCluster: see the"
                + " server log); below: Flink's exception history of this run");
        assertThat(all.get("logPath").asText()).isEqualTo("flink:/jobs/" + flinkJobId + "/exceptions");
        // The notice line in the reader's language, the history after it the same in both.
        JsonNode zh = api.call(get(ApiTestSupport.API + JOB + "/logs").session(admin).param("jobId",
                String.valueOf(jobId)).param("logType", "yarn").param("pageSize", "1000")
                .header("Accept-Language", "zh-CN")).at("/data/logs");
        List<String> zhLines = texts(zh.get("logs"));
        assertThat(zhLines.get(0)).isEqualTo("该集群没有保存 JobManager 日志文件（内嵌 MiniCluster：请查看服务端日志）；"
                + "下面是本次运行的 Flink 异常历史");
        assertThat(zhLines.subList(1, zhLines.size())).isEqualTo(lines.subList(1, lines.size()));
        // A header with the time of the root exception, then its trace one frame a line.
        assertThat(lines.get(1))
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z --- root exception ---");
        assertThat(lines).anyMatch(l -> l.contains("java.lang.ArithmeticException: / by zero"));
        assertThat(lines).anyMatch(l -> l.startsWith("\tat "));
        assertThat(lines).noneMatch(l -> l.contains("rootException=") || l.contains("history=")
                || l.startsWith("{") || l.contains("JobExceptions["));
        assertThat(all.get("endLine").asInt()).isEqualTo(lines.size());

        // Filtered like the other types: only the lines with the keyword, after the notice.
        List<String> only = texts(logs(jobId, Map.of("onlyKeywords", "ArithmeticException")).at("/data/logs/logs"));
        assertThat(only.get(0)).startsWith("This cluster keeps no JobManager log file");
        assertThat(only.subList(1, only.size())).isNotEmpty().allMatch(l -> l.contains("ArithmeticException"));
        List<String> ignored = texts(logs(jobId, Map.of("pageSize", "1000", "ignoreKeywords",
                "ArithmeticException")).at("/data/logs/logs"));
        assertThat(ignored).noneMatch(l -> l.contains("ArithmeticException")).contains(lines.get(1))
                .hasSizeLessThan(lines.size());

        // Paged: the second page of two lines continues where the first ended.
        JsonNode page2 = logs(jobId, Map.of("fromLine", "3", "pageSize", "2")).at("/data/logs");
        assertThat(texts(page2.get("logs"))).containsExactlyElementsOf(lines.subList(2, 4));
        assertThat(page2.get("endLine").asInt()).isEqualTo(4);
        // The last rows: the end of the history.
        List<String> last = texts(logs(jobId, Map.of("lastRows", "3")).at("/data/logs/logs"));
        assertThat(last).containsExactlyElementsOf(lines.subList(lines.size() - 3, lines.size()));
    }

    private JsonNode logs(long jobId, Map<String, String> params) throws Exception {
        MockHttpServletRequestBuilder b = get(ApiTestSupport.API + JOB + "/logs").session(admin)
                .param("jobId", String.valueOf(jobId)).param("logType", "yarn");
        params.forEach(b::param);
        JsonNode r = api.call(b);
        assertThat(r.get("status").asInt()).as(r.toString()).isZero();
        return r;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
