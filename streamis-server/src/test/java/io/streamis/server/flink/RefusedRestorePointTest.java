package io.streamis.server.flink;

import static io.streamis.server.flink.FlinkTestSupport.await;
import static io.streamis.server.flink.FlinkTestSupport.normalise;
import static io.streamis.server.flink.FlinkTestSupport.produce;
import static io.streamis.server.flink.FlinkTestSupport.snapshots;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamis.common.error.ErrorCode;
import io.streamis.server.support.ApiTestSupport;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A restore point Flink refuses is judged by why: a new program that cannot take the state fails the start and
 * leaves the point alone (no silent step back to older state), and a user can lift a mark a broken point got.
 */
class RefusedRestorePointTest extends AbstractFlinkApiTest {

    /** A different stateful operator: a two-level aggregation where the first version had one GROUP BY. */
    static final String CHANGED_AGGREGATION_SQL = """
            CREATE TABLE src (k INT, v STRING) WITH ('connector'='datagen','rows-per-second'='20',
              'fields.k.min'='1','fields.k.max'='10');
            CREATE TABLE snk (k INT, c BIGINT) WITH ('connector'='blackhole');
            INSERT INTO snk SELECT k, COUNT(*) FROM (SELECT k, v FROM src GROUP BY k, v) GROUP BY k;
            """;

    @Test
    void aProgramThatCannotTakeTheStateFailsTheStartAndLeavesThePointUnmarked() throws Exception {
        long jobId = upload(FlinkTestSupport.sqlZip("sql_incompatible", produce("500", false, null)));
        JsonNode run1 = execute(jobId, null);
        awaitCheckpoint(jobId);
        // An older point: the old behaviour stepped back to it, restoring older state into the new program.
        String older = api.call(put(ApiTestSupport.API + JOB + "/snapshot/" + jobId).session(admin))
                .at("/data/path").asText();
        assertThat(older).contains("savepoint-");
        String savepoint = api.call(get(ApiTestSupport.API + JOB + "/stop").session(admin)
                .param("jobId", String.valueOf(jobId)).param("snapshot", "true")).at("/data/path").asText();
        assertThat(savepoint).contains("savepoint-");
        assertThat(paths(jobId)).contains(normalise(older), normalise(savepoint));

        long upgraded = upload(FlinkTestSupport.sqlZip("sql_incompatible", CHANGED_AGGREGATION_SQL,
                produce("500", false, null)));
        assertThat(upgraded).isEqualTo(jobId);

        // A session cluster's /jars/run returns only once the job initialised, restore included: Flink's refusal is
        // the launch call's answer, judged in the request (a refusal Flink reports later is the reconciler's).
        JsonNode refused = api.postJson(admin, JOB + "/execute", "{\"jobId\":" + jobId + "}");
        assertThat(refused.get("status").asInt()).as(refused.toString()).isEqualTo(1);
        assertThat(refused.at("/data/errorCode").asText()).isEqualTo(ErrorCode.RESTORE_INCOMPATIBLE.name());
        assertThat(refused.get("message").asText()).contains("cannot take the state")
                .contains(normalise(savepoint).substring(1)).contains("allowNonRestoredState")
                .contains("Cannot map checkpoint/savepoint state for operator");

        // One attempt, from the savepoint, and nothing marked: the point is fine, the program is not.
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM linkis_stream_task WHERE job_id = ? AND id > ?",
                Integer.class, jobId, run1.get("taskId").asLong())).isEqualTo(1);
        assertThat(marks(jobId)).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM linkis_stream_task WHERE job_id = ? AND status = 5",
                Integer.class, jobId)).as("no older point was used instead").isZero();
        assertThat(clusters.get("embedded").jobsOverview().values().stream()
                .filter(j -> j.name().equals("default.sql_incompatible") && !j.state().isGloballyTerminal()))
                .as("nothing runs").isEmpty();

        JsonNode inspect = api.call(put(ApiTestSupport.API + JOB + "/execute/inspect").session(admin)
                .param("jobId", String.valueOf(jobId))).get("data");
        assertThat(normalise(inspect.at("/snapshot/path").asText())).isEqualTo(normalise(savepoint));
        assertThat(normalise(inspect.at("/restoreIncompatible/path").asText())).isEqualTo(normalise(savepoint));
        assertThat(inspect.at("/restoreIncompatible/allowNonRestoredState").asBoolean()).isTrue();
        assertThat(inspect.at("/needsConfirm").toString()).contains("restoreIncompatible");

        JsonNode skipped = awaitRunning(jobId, accepted(api.postJson(admin, JOB + "/execute",
                "{\"jobId\":" + jobId + ",\"allowNonRestoredState\":true}")));
        assertThat(skipped.get("status").asInt()).isEqualTo(5);
        assertThat(normalise(skipped.get("restoredFrom").asText())).isEqualTo(normalise(savepoint));
        assertThat(normalise(restoredInFlink(skipped.get("flinkJobId").asText())))
                .isEqualTo(normalise(savepoint));
        JsonNode after = api.call(put(ApiTestSupport.API + JOB + "/execute/inspect").session(admin)
                .param("jobId", String.valueOf(jobId))).get("data");
        assertThat(after.has("restoreIncompatible")).isFalse();
    }

    @Test
    void clearingARefusedMarkMakesThePointACandidateAgain() throws Exception {
        long jobId = upload(FlinkTestSupport.sqlZip("sql_clear_mark", produce("300", false, null)));
        execute(jobId, null);
        await("two checkpoints", WAIT, () -> snapshots(api, admin, jobId),
                s -> s.findValues("kind").stream().filter(k -> k.asText().equals("CHECKPOINT")).count() >= 2);
        api.call(get(ApiTestSupport.API + JOB + "/stop").session(admin).param("jobId", String.valueOf(jobId)));
        await("two retained checkpoints", WAIT, () -> snapshots(api, admin, jobId), s -> {
            int n = 0;
            for (JsonNode x : s) {
                n += x.path("usable").asBoolean() ? 1 : 0;
            }
            return n >= 2;
        });
        String newest = api.call(put(ApiTestSupport.API + JOB + "/execute/inspect").session(admin)
                .param("jobId", String.valueOf(jobId))).at("/data/snapshot/path").asText();
        Path metadata = Path.of(URI.create(newest.replaceFirst("^file:/+", "file:///"))).resolve("_metadata");
        byte[] good = Files.readAllBytes(metadata);
        Files.writeString(metadata, "this is not a checkpoint");
        JsonNode run = execute(jobId, null);
        assertThat(normalise(run.get("restoredFrom").asText())).as("stepped back").isNotEqualTo(normalise(newest));
        assertThat(refusedRows(jobId)).as("listed, saying why it is not usable").containsExactly(normalise(newest));
        assertThat(marks(jobId)).containsExactly("REFUSED");

        // The file is repaired (say, restored from a backup); the user lifts the mark.
        Files.write(metadata, good);
        JsonNode cleared = api.postJson(admin, JOB + "/snapshots/clearRefused",
                "{\"jobId\":" + jobId + ",\"path\":\"" + newest + "\"}");
        assertThat(cleared.get("status").asInt()).as(cleared.toString()).isZero();
        assertThat(paths(jobId)).contains(normalise(newest));
        assertThat(refusedRows(jobId)).isEmpty();
        assertThat(marks(jobId)).as("both facts kept, in order").containsExactly("REFUSED", "CLEARED");

        JsonNode again = api.postJson(admin, JOB + "/snapshots/clearRefused",
                "{\"jobId\":" + jobId + ",\"path\":\"" + newest + "\"}");
        assertThat(again.get("status").asInt()).as("nothing left to clear").isEqualTo(1);
    }

    /** Stepping back past the last broken point must not end in an empty start (the mark hides the point). */
    @Test
    void aBrokenOnlyPointIsMarkedButTheStartNeverFallsBackToEmpty() throws Exception {
        long jobId = upload(FlinkTestSupport.sqlZip("sql_only_point", produce("500", false, null)));
        JsonNode run1 = execute(jobId, null);
        awaitCheckpoint(jobId);
        String savepoint = api.call(get(ApiTestSupport.API + JOB + "/stop").session(admin)
                .param("jobId", String.valueOf(jobId)).param("snapshot", "true")).at("/data/path").asText();
        List<String> points = paths(jobId);
        // How many checkpoints complete before the stop depends on timing: with more broken points than one start
        // steps back through, the next start goes on from the marks the first one left.
        assertThat(points).contains(normalise(savepoint));
        for (String point : points) {
            // Only points still on disk: the list also shows checkpoints Flink has since subsumed and deleted.
            Path metadata = Path.of(point).resolve("_metadata");
            if (Files.exists(metadata)) {
                Files.writeString(metadata, "this is not a checkpoint");
            }
        }

        JsonNode r = null;
        for (int attempt = 0; attempt <= points.size(); attempt++) {
            r = api.postJson(admin, JOB + "/execute", "{\"jobId\":" + jobId + "}");
            assertThat(r.get("status").asInt()).as(r.toString()).isEqualTo(1);
            if (ErrorCode.RESTORE_UNAVAILABLE.name().equals(r.at("/data/errorCode").asText())) {
                break;
            }
        }
        assertThat(r.at("/data/errorCode").asText()).isEqualTo(ErrorCode.RESTORE_UNAVAILABLE.name());
        assertThat(r.get("message").asText()).contains("refusing to start without state");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM linkis_stream_task WHERE job_id = ? AND id > ?"
                + " AND status <> 6", Integer.class, jobId, run1.get("taskId").asLong()))
                .as("every attempt failed; none ran empty").isZero();
        assertThat(marks(jobId)).contains("REFUSED");
    }

    /** The job's refusal facts, oldest first. */
    private List<String> marks(long jobId) {
        return jdbc.queryForList("SELECT action FROM linkis_stream_restore_mark WHERE job_id = ? ORDER BY id",
                String.class, jobId);
    }

    /** The snapshots tab's rows that are unusable because Flink refused them. */
    private List<String> refusedRows(long jobId) throws Exception {
        List<String> out = new ArrayList<>();
        for (JsonNode s : snapshots(api, admin, jobId)) {
            if (!s.path("usable").asBoolean() && s.path("reason").asText().startsWith("refused")) {
                out.add(normalise(s.get("path").asText()));
            }
        }
        return out;
    }

    private List<String> paths(long jobId) throws Exception {
        List<String> out = new ArrayList<>();
        snapshots(api, admin, jobId).forEach(s -> out.add(normalise(s.get("path").asText())));
        return out;
    }
}
