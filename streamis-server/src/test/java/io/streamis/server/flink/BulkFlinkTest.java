package io.streamis.server.flink;

import static io.streamis.server.flink.FlinkTestSupport.await;
import static io.streamis.server.flink.FlinkTestSupport.normalise;
import static io.streamis.server.flink.FlinkTestSupport.produce;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamis.server.support.ApiTestSupport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Bulk snapshot restart of stateful jobs on the embedded cluster, and the inspect contract. */
class BulkFlinkTest extends AbstractFlinkApiTest {

    static final String BULK = "/streamis/streamJobManager/job/bulk";

    @Test
    void snapshotRestartOfTenJobsRestoresEachFromItsOwnSavepointAndReportsTheOneThatFailsItsPreCheck()
            throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            long id = upload(FlinkTestSupport.sqlZip("bulk_" + i, produce("500", false, null)));
            ids.add(id);
        }
        JsonNode started = api.postJson(admin, BULK + "/execution", "{\"bulk_sbj\":" + ids + "}");
        assertThat(started.at("/data/result/Success/count").asInt()).as(started.toString()).isEqualTo(10);
        for (long id : ids) {
            awaitCheckpoint(id);
        }

        JsonNode paused = api.postJson(admin, BULK + "/pause", "{\"bulk_sbj\":" + ids + ",\"snapshot\":true}");
        assertThat(paused.at("/data/result/Success/count").asInt()).as(paused.toString()).isEqualTo(10);
        Map<Long, String> savepoints = new HashMap<>();
        paused.at("/data/result/Success/data").forEach(e ->
                savepoints.put(e.get("jobId").asLong(), e.get("snapshotPath").asText()));
        assertThat(savepoints.values()).allMatch(p -> p.contains("savepoint-"));
        assertThat(savepoints.values().stream().distinct().count()).isEqualTo(10);

        long banned = ids.get(3);
        assertThat(api.postJson(admin, "/streamis/streamJobManager/job/ban", "[" + banned + "]").get("status")
                .asInt()).isZero();
        JsonNode again = api.postJson(admin, BULK + "/execution", "{\"bulkSubject\":" + ids + "}");
        JsonNode data = again.get("data");
        assertThat(data.get("total").asInt()).isEqualTo(10);
        assertThat(data.at("/result/Failed/count").asInt()).as(again.toString()).isEqualTo(1);
        assertThat(data.at("/result/Failed/data/0/jobId").asLong()).isEqualTo(banned);
        assertThat(data.at("/result/Failed/data/0/message").asText()).contains("banned");
        assertThat(data.at("/result/Success/count").asInt()).isEqualTo(9);
        for (JsonNode e : data.at("/result/Success/data")) {
            long jobId = e.get("jobId").asLong();
            assertThat(normalise(e.get("snapshotPath").asText())).as("job " + jobId + " restored from its own savepoint")
                    .isEqualTo(normalise(savepoints.get(jobId)));
            String flinkJobId = flinkJobId(e.get("taskId").asLong());
            assertThat(normalise(restoredInFlink(flinkJobId))).isEqualTo(normalise(savepoints.get(jobId)));
        }

        JsonNode progress = api.call(get(ApiTestSupport.API + BULK + "/" + data.get("bulkId").asLong())
                .session(admin));
        assertThat(progress.at("/data/done").asInt()).isEqualTo(10);
        assertThat(progress.at("/data/finished").asBoolean()).isTrue();

        // Audited: the request once (with its address), then each item with its own outcome and restore point.
        long bulkId = data.get("bulkId").asLong();
        String ofBulk = "%\"bulkId\":" + bulkId + ",%";
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM streamis_audit_log WHERE action = 'BULK_START'"
                + " AND remote_addr = '127.0.0.1' AND user_name = 'admin' AND detail LIKE ?", Integer.class,
                "%\"bulkId\":" + bulkId + "%")).isEqualTo(1);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM streamis_audit_log WHERE action = 'BULK_ITEM'"
                        + " AND detail LIKE ?", Integer.class, ofBulk)).isEqualTo(10));
        Map<String, Object> bannedRow = jdbc.queryForMap("SELECT outcome, message FROM streamis_audit_log"
                + " WHERE action = 'BULK_ITEM' AND job_id = ? AND detail LIKE ?", banned, ofBulk);
        assertThat(bannedRow.get("outcome")).isEqualTo("ERROR");
        assertThat(String.valueOf(bannedRow.get("message"))).contains("banned");
        long sample = ids.get(0);
        assertThat(jdbc.queryForObject("SELECT detail FROM streamis_audit_log WHERE action = 'BULK_ITEM'"
                + " AND job_id = ? AND outcome = 'OK' AND detail LIKE ?", String.class, sample, ofBulk))
                .as("the restore point the item's start actually used").contains(savepoints.get(sample));

        // The same request again is a retry of the one failed item (still banned), not a re-run of the nine.
        JsonNode repeated = api.postJson(admin, BULK + "/execution", "{\"bulkSubject\":" + ids + "}");
        assertThat(repeated.at("/data/bulkId").asLong()).isNotEqualTo(data.get("bulkId").asLong());
        assertThat(repeated.at("/data/result/Failed/data/0/jobId").asLong()).isEqualTo(banned);
        assertThat(repeated.at("/data/result/Success/count").asInt()).isEqualTo(9);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM linkis_stream_task WHERE job_id IN ("
                + ids.stream().map(String::valueOf).collect(Collectors.joining(",")) + ")", Integer.class))
                .as("10 first starts + 9 restarts").isEqualTo(19);
    }

    @Test
    void inspectionReturnsWhatTheStartThenUsesForSeveralJobs() throws Exception {
        long a = upload(FlinkTestSupport.sqlZip("insp_a", produce("500", false, null)));
        long b = upload(FlinkTestSupport.sqlZip("insp_b", produce("500", false, null)));
        JsonNode first = api.call(put(ApiTestSupport.API + "/streamis/streamJobManager/job/execute/inspect")
                .session(admin).param("jobId", String.valueOf(a)).param("jobId", String.valueOf(b)));
        assertThat(first.at("/data/results").size()).isEqualTo(2);
        // Every 0.3.x entry is present; only the version needs a confirmation (no state exists yet).
        assertThat(first.at("/data/results/0/inspections").toString()).contains("version")
                .contains("snapshot").contains("highavailable");
        assertThat(first.at("/data/results/0/needsConfirm").toString()).contains("version")
                .doesNotContain("snapshot");
        assertThat(first.at("/data/results/0/snapshot/found").asBoolean()).isFalse();
        assertThat(first.at("/data/results/0/version/now/version").asText()).isEqualTo("v00001");

        execute(a, null);
        awaitCheckpoint(a);
        api.call(get(ApiTestSupport.API + "/streamis/streamJobManager/job/stop").session(admin)
                .param("jobId", String.valueOf(a)));
        JsonNode inspect = await("a usable checkpoint to inspect", WAIT, () -> api.call(
                put(ApiTestSupport.API + "/streamis/streamJobManager/job/execute/inspect").session(admin)
                        .param("jobId", String.valueOf(a))).get("data"), d -> d.at("/snapshot/found").asBoolean());
        assertThat(inspect.get("needsConfirm").toString()).doesNotContain("version");
        assertThat(inspect.at("/version/last/version").asText()).isEqualTo("v00001");
        String planned = inspect.at("/snapshot/path").asText();
        assertThat(inspect.at("/snapshot/origin").asText()).isNotBlank();
        JsonNode run = execute(a, null);
        assertThat(normalise(run.get("restoredFrom").asText())).isEqualTo(normalise(planned));
        assertThat(normalise(restoredInFlink(run.get("flinkJobId").asText()))).isEqualTo(normalise(planned));

        JsonNode whileRunning = api.call(put(ApiTestSupport.API + "/streamis/streamJobManager/job/execute/inspect")
                .session(admin).param("jobId", String.valueOf(a))).get("data");
        assertThat(whileRunning.get("inspections").toString()).contains("list");
        assertThat(whileRunning.at("/list/list/0/applicationId").asText()).isEqualTo(run.get("flinkJobId").asText());
        assertThat(whileRunning.at("/list/list/0/applicationName").asText()).isEqualTo("default.insp_a");
    }

    @Test
    void aConfirmedPathWinsOverTheNewestState() throws Exception {
        long jobId = upload(FlinkTestSupport.sqlZip("confirmed_path", produce("500", false, null)));
        execute(jobId, null);
        awaitCheckpoint(jobId);
        String older = api.call(put(ApiTestSupport.API + "/streamis/streamJobManager/job/snapshot/" + jobId)
                .session(admin)).at("/data/path").asText();
        api.call(get(ApiTestSupport.API + "/streamis/streamJobManager/job/stop").session(admin)
                .param("jobId", String.valueOf(jobId)).param("snapshot", "true"));
        JsonNode inspect = api.call(put(ApiTestSupport.API + "/streamis/streamJobManager/job/execute/inspect")
                .session(admin).param("jobId", String.valueOf(jobId))).get("data");
        assertThat(normalise(inspect.at("/snapshot/path").asText())).as("newest is the stop savepoint")
                .isNotEqualTo(normalise(older));
        JsonNode run = execute(jobId, older);
        assertThat(normalise(run.get("restoredFrom").asText())).isEqualTo(normalise(older));
        assertThat(normalise(restoredInFlink(run.get("flinkJobId").asText()))).isEqualTo(normalise(older));
        String recorded = jdbc.queryForObject("SELECT restored_from FROM linkis_stream_task WHERE id = ?",
                String.class, run.get("taskId").asLong());
        assertThat(normalise(recorded)).isEqualTo(normalise(older));

        // Audited, newest first: the start with the path the user confirmed and the point actually used, the stop
        // with its savepoint, the snapshot with its path.
        JsonNode rows = api.call(get(ApiTestSupport.API + "/streamis/audit").session(admin)
                .param("jobId", String.valueOf(jobId))).at("/data/rows");
        JsonNode start = rows.get(0);
        assertThat(start.get("action").asText()).isEqualTo("START");
        assertThat(start.get("outcome").asText()).isEqualTo("OK");
        assertThat(start.at("/detail/confirmedSnapshotPath").asText()).isEqualTo(older);
        assertThat(start.at("/detail/restoredFrom").asText()).isEqualTo(run.get("restoredFrom").asText());
        assertThat(start.at("/detail/taskId").asLong()).isEqualTo(run.get("taskId").asLong());
        JsonNode stop = rows.get(1);
        assertThat(stop.get("action").asText()).isEqualTo("STOP");
        assertThat(stop.at("/detail/snapshot").asText()).isEqualTo("true");
        assertThat(stop.at("/detail/savepointPath").asText()).contains("savepoint-");
        assertThat(rows.get(2).get("action").asText()).isEqualTo("SNAPSHOT");
        assertThat(rows.get(2).at("/detail/savepointPath").asText()).isEqualTo(older);
        assertThat(rows.get(3).get("action").asText()).as("the first start, from nothing").isEqualTo("START");
        assertThat(rows.get(3).get("detail").has("restoredFrom")).isFalse();
    }
}
