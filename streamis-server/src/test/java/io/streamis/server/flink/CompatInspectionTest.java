package io.streamis.server.flink;

import static io.streamis.server.flink.FlinkTestSupport.produce;
import static io.streamis.server.flink.FlinkTestSupport.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamis.jobmanager.lifecycle.HighAvailabilityCheck;
import io.streamis.jobmanager.lifecycle.SnapshotInspection;
import io.streamis.server.support.ApiTestSupport;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The start inspection as a 0.3.x client reads it (behaviour §5.1): {@code highavailable.msg}, {@code version.now}
 * / {@code version.last} and {@code snapshot.path} are always there and listed in {@code inspections}; a restore
 * switched OFF while restore points exist is reported with the newest point offered.
 */
class CompatInspectionTest extends AbstractFlinkApiTest {

    private static final String RESTORE_OFF = """
            "wds.linkis.flink.resource":{"wds.linkis.flink.app.parallelism":"1"},
            "wds.linkis.flink.produce":{"wds.linkis.flink.checkpoint.switch":"ON",
              "wds.linkis.flink.checkpoint.interval":"500",
              "wds.linkis.flink.app.start-auto-restore.switch":"OFF"}""";

    JsonNode inspect(long jobId) throws Exception {
        JsonNode r = api.call(put(ApiTestSupport.API + JOB + "/execute/inspect").session(admin)
                .param("jobId", String.valueOf(jobId)));
        assertThat(r.get("status").asInt()).as(r.toString()).isZero();
        return r.get("data");
    }

    static List<String> names(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void neverStartedJobHasEveryEntryAClientReads() throws Exception {
        long jobId = upload(FlinkTestSupport.sqlZip("compat_new", produce("500", false, null)));
        JsonNode d = inspect(jobId);

        assertThat(names(d.get("inspections"))).containsExactly("version", "snapshot", "highavailable");
        assertThat(d.at("/highavailable/highAvailable").isBoolean()).isTrue();
        assertThat(d.at("/highavailable/highAvailable").asBoolean()).isTrue();
        assertThat(d.at("/highavailable/msg").asText()).isEqualTo(HighAvailabilityCheck.MSG_NOT_ENABLED);
        assertThat(d.at("/cluster/name").asText()).isEqualTo("embedded");
        assertThat(d.at("/cluster/type").asText()).isEqualTo("embedded");
        assertThat(d.at("/version/now/version").asText()).isEqualTo("v00001");
        assertThat(d.at("/version/now/jobId").asLong()).isEqualTo(jobId);
        assertThat(d.at("/version/now/jobContent").asText()).contains("INSERT INTO snk");
        assertThat(d.at("/version").has("last")).isFalse();
        // Restore is ON and nothing was ever checkpointed: the §5.1 message, never a fake path.
        assertThat(d.at("/snapshot/path").asText()).isEqualTo(SnapshotInspection.MSG_EMPTY_SNAPSHOT);
        assertThat(d.at("/snapshot/found").asBoolean()).isFalse();
        // Our UI still confirms a first start (new version), but not the empty snapshot.
        assertThat(names(d.get("needsConfirm"))).containsExactly("version");
    }

    @Test
    void restartedJobKeepsVersionNowAndLastAndRestoreOffOffersTheNewestPoint() throws Exception {
        long jobId = upload(FlinkTestSupport.sqlZip("compat_off", RESTORE_OFF));
        JsonNode first = inspect(jobId);
        assertThat(first.at("/snapshot/path").asText()).isEqualTo(SnapshotInspection.MSG_RESTORE_OFF);
        assertThat(first.at("/snapshot").has("offer")).isFalse();

        execute(jobId, null);
        awaitCheckpoint(jobId);
        JsonNode stop = api.call(get(ApiTestSupport.API + JOB + "/stop").session(admin)
                .param("jobId", String.valueOf(jobId)).param("snapshot", "true"));
        String savepoint = stop.at("/data/path").asText();
        assertThat(savepoint).contains("savepoint-");
        assertThat(status(api, admin, jobId).get("statusCode").asInt()).isEqualTo(7);

        JsonNode d = inspect(jobId);
        assertThat(names(d.get("inspections"))).containsExactly("version", "snapshot", "highavailable");
        // Same version as the last run: both rows are still there (0.3.x shows them in its table) ...
        assertThat(d.at("/version/now/version").asText()).isEqualTo("v00001");
        assertThat(d.at("/version/last/version").asText()).isEqualTo("v00001");
        // ... and our UI's rule does not ask about the version again.
        assertThat(names(d.get("needsConfirm"))).doesNotContain("version");
        assertThat(d.at("/snapshot/path").asText()).isEqualTo(SnapshotInspection.MSG_RESTORE_OFF);
        assertThat(d.at("/snapshot/restoreSwitch").asText()).isEqualTo("OFF");
        assertThat(FlinkTestSupport.normalise(d.at("/snapshot/offer/path").asText()))
                .isEqualTo(FlinkTestSupport.normalise(savepoint));
        assertThat(names(d.get("needsConfirm"))).contains("snapshot");
        assertThat(d.at("/highavailable/msg").asText()).isNotBlank();

        // The one-click answer: start from the offered point.
        JsonNode run = execute(jobId, d.at("/snapshot/offer/path").asText());
        assertThat(FlinkTestSupport.normalise(run.get("restoredFrom").asText()))
                .isEqualTo(FlinkTestSupport.normalise(savepoint));
    }
}
