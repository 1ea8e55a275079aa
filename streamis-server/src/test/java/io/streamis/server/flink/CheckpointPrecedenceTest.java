package io.streamis.server.flink;

import static io.streamis.server.flink.FlinkTestSupport.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamis.server.support.ApiTestSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The precedence of docs/meta-json.md with a real run: the checkpoint interval Flink reports for the job is the
 * custom group's explicit {@code execution.checkpointing.interval} unless the produce group sets its own.
 */
class CheckpointPrecedenceTest extends AbstractFlinkApiTest {

    private final HttpClient http = HttpClient.newHttpClient();

    static String config(String produceInterval) {
        return """
                "wds.linkis.flink.resource":{"wds.linkis.flink.app.parallelism":"1"},
                "wds.linkis.flink.custom":{"execution.checkpointing.interval":"2s"},
                "wds.linkis.flink.produce":{"wds.linkis.flink.checkpoint.switch":"ON"%s}"""
                .formatted(produceInterval == null ? ""
                        : ",\"wds.linkis.flink.checkpoint.interval\":\"" + produceInterval + "\"");
    }

    long intervalFlinkReports(String flinkJobId) {
        JsonNode c = await("Flink's checkpoint config of " + flinkJobId, WAIT, () -> {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(clusters.get("embedded").restUrl()
                    + "/jobs/" + flinkJobId + "/checkpoints/config")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return json.readTree(r.statusCode() == 200 ? r.body() : "{}");
        }, n -> n.has("interval"));
        return c.get("interval").asLong();
    }

    @Test
    void theCustomGroupsExplicitIntervalIsNotOverriddenByThePlatformDefault() throws Exception {
        long jobId = upload(FlinkTestSupport.sqlZip("prec_custom", config(null)));
        JsonNode run = execute(jobId, null);
        assertThat(intervalFlinkReports(run.get("flinkJobId").asText())).isEqualTo(2000);

        // The job detail shows the Flink configuration the run got.
        JsonNode details = api.call(get(ApiTestSupport.API + JOB + "/details").session(admin)
                .param("jobId", String.valueOf(jobId))).at("/data/details/flinkConfiguration");
        assertThat(details.get("execution.checkpointing.interval").asText()).isEqualTo("2s");
        assertThat(details.get("execution.checkpointing.dir").asText()).isNotBlank();
    }

    @Test
    void aProduceGroupIntervalStillWins() throws Exception {
        long jobId = upload(FlinkTestSupport.sqlZip("prec_produce", config("700")));
        JsonNode run = execute(jobId, null);
        assertThat(intervalFlinkReports(run.get("flinkJobId").asText())).isEqualTo(700);
    }
}
