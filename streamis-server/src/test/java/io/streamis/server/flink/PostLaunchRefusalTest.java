package io.streamis.server.flink;

import static io.streamis.server.flink.FlinkTestSupport.await;
import static io.streamis.server.flink.FlinkTestSupport.normalise;
import static io.streamis.server.flink.FlinkTestSupport.produce;
import static io.streamis.server.flink.FlinkTestSupport.snapshots;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamis.jobmanager.lifecycle.StartCause;
import io.streamis.jobmanager.lifecycle.StartOutcome;
import io.streamis.jobmanager.lifecycle.StartService;
import io.streamis.jobmanager.log.TaskLog;
import io.streamis.server.support.ApiTestSupport;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A restore point whose {@code _metadata} reads fine but whose state files are gone, on the session cluster: Flink
 * accepts the job (its {@code /jars/run} answers once the metadata is read) and the job fails while its tasks
 * restore, after the start returned. The reconciler judges that refusal: the point is marked against the run and
 * the start steps back as a new task linked to it, with the start's own choices; a step back that fails at launch
 * ends the start through the hand-off every failed start takes.
 */
class PostLaunchRefusalTest extends AbstractFlinkApiTest {

    /**
     * Every row a new key of ~120 bytes: the aggregation's state outgrows the 20 KB Flink inlines into
     * {@code _metadata} within 200 ms, so every checkpoint after the first keeps it in files beside the metadata.
     */
    static final String LARGE_STATE_SQL = """
            CREATE TABLE src (k INT, v STRING) WITH ('connector'='datagen','rows-per-second'='1000',
              'fields.v.length'='100');
            CREATE TABLE snk (k INT, v STRING, c BIGINT) WITH ('connector'='blackhole');
            INSERT INTO snk SELECT k, v, COUNT(*) FROM src GROUP BY k, v;
            """;
    /** A job that fails stays FAILED: here the refusal reaches the reconciler as Flink's own verdict. */
    static final String NO_FLINK_RESTART = "\"restart-strategy.type\":\"none\"";

    @Autowired StartService starts;
    @Autowired TaskLog taskLog;

    /**
     * With Flink's own restart strategy (the default: the job restarts, and fails restoring again, without end) the
     * refusal is read from the restarting job's root exception; the run is cancelled and the start steps back.
     */
    @Test
    void aPointRefusedAfterTheLaunchStepsBackCarryingTheStartsChoices() throws Exception {
        long jobId = upload(FlinkTestSupport.sqlZip("sql_post_launch", LARGE_STATE_SQL, produce("300", false, null)));
        List<String> points = stoppedWithRetainedCheckpoints(jobId, 2);
        String newest = newest(jobId);
        removeStateFiles(newest);

        // The person's start, with allowNonRestoredState: the launch is accepted from the newest point.
        JsonNode accepted = accepted(api.postJson(admin, JOB + "/execute",
                "{\"jobId\":" + jobId + ",\"allowNonRestoredState\":true}"));
        long first = accepted.get("taskId").asLong();
        assertThat(normalise(accepted.get("restoredFrom").asText())).as("the launch took the newest point")
                .isEqualTo(normalise(newest));

        JsonNode run = awaitRunning(jobId, accepted);
        long back = run.get("taskId").asLong();
        assertThat(back).as("a new run").isGreaterThan(first);
        assertThat(normalise(run.get("restoredFrom").asText())).as("stepped back").isNotEqualTo(normalise(newest))
                .isIn(points);
        assertThat(normalise(restoredInFlink(run.get("flinkJobId").asText())))
                .isEqualTo(normalise(run.get("restoredFrom").asText()));
        assertThat(jdbc.queryForObject("SELECT err_desc FROM linkis_stream_task WHERE id = ? AND status = 6",
                String.class, first)).as("refused after the launch, judged by the reconciler")
                .startsWith("Did not start: Flink could not restore the job's state (restarting)");
        await("the refused run cancelled", WAIT, () -> json.valueToTree(String.valueOf(clusters.get("embedded")
                .jobsOverview().get(flinkJobId(first)))), n -> n.asText().contains("state=CANCELED"));
        assertThat(jdbc.queryForList("SELECT task_id FROM linkis_stream_restore_mark WHERE job_id = ? AND action ="
                + " 'REFUSED'", Long.class, jobId)).containsExactly(first);

        Map<String, Object> row = jdbc.queryForMap("SELECT step_back_of, allow_non_restored, start_cause,"
                + " submit_user FROM linkis_stream_task WHERE id = ?", back);
        assertThat(((Number) row.get("step_back_of")).longValue()).as("linked to the run it continues")
                .isEqualTo(first);
        assertThat(((Number) row.get("allow_non_restored")).intValue()).as("the start's choice, carried")
                .isEqualTo(1);
        assertThat(row.get("start_cause")).isEqualTo("USER");
        assertThat(row.get("submit_user")).isEqualTo("admin");
        assertThat(String.join("\n", log(first))).contains("Stepped back: task " + back);
        assertThat(String.join("\n", log(back))).contains("stepping back from task " + first)
                .contains("skipping state with no operator");
    }

    /**
     * The newest point fails after the launch (the job FAILED: no Flink restart) and every older one at the launch
     * (garbage metadata): the step back fails on its own task, which ends the start; a start the platform made
     * (here, as an auto-restart) is handed on as any failed start is, so it raises the job's failure alert on the
     * run that failed last.
     */
    @Test
    void aStepBackThatFailsAtLaunchEndsTheStartWithAnAlert() throws Exception {
        long jobId = upload(FlinkTestSupport.sqlZip("sql_post_launch_end", LARGE_STATE_SQL,
                produce("300", false, NO_FLINK_RESTART)));
        List<String> points = stoppedWithRetainedCheckpoints(jobId, 2);
        String newest = newest(jobId);
        removeStateFiles(newest);
        for (String p : points) {
            Path metadata = Path.of(p).resolve("_metadata");
            if (!p.equals(normalise(newest)) && Files.exists(metadata)) {
                Files.writeString(metadata, "this is not a checkpoint");
            }
        }

        StartOutcome o = starts.start(jobId, "admin", null, StartCause.AUTO_RESTART);
        assertThat(normalise(o.restoredFrom())).isEqualTo(normalise(newest));
        long first = o.taskId();

        JsonNode last = await("the start ended on a later run", WAIT, () -> latestRun(jobId, first),
                t -> t.path("taskId").asLong() > first && t.path("status").asInt() == 6
                        && (t.path("errDesc").asText().contains("no further restore point tried")
                        || t.path("errDesc").asText().contains("refusing to start without state")));
        long lastId = last.get("taskId").asLong();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM linkis_stream_task WHERE job_id = ? AND id >= ?"
                + " AND status <> 6", Integer.class, jobId, first)).as("every run failed; none ran empty").isZero();
        // The links: every run after the first continues the one before it.
        List<Map<String, Object>> chain = jdbc.queryForList("SELECT id, step_back_of, start_cause FROM"
                + " linkis_stream_task WHERE job_id = ? AND id > ? ORDER BY id", jobId, first);
        long previous = first;
        for (Map<String, Object> r : chain) {
            assertThat(((Number) r.get("step_back_of")).longValue()).isEqualTo(previous);
            assertThat(r.get("start_cause")).isEqualTo("AUTO_RESTART");
            previous = ((Number) r.get("id")).longValue();
        }
        assertThat(previous).isEqualTo(lastId);

        assertThat(String.join("\n", log(first))).contains("The step back failed at launch (task ");
        assertThat(String.join("\n", log(lastId))).contains(last.get("errDesc").asText());
        // Handed on as a platform start's failure: the job's failure alert, on the run that failed last.
        org.awaitility.Awaitility.await("the failure alert").atMost(WAIT).untilAsserted(() ->
                assertThat(jdbc.queryForList("SELECT task_id FROM streamis_alert_incident WHERE job_id = ? AND rule"
                        + " = 'JOB_FAILED'", Long.class, jobId)).containsExactly(lastId));
        // The incident names the failure in its reader's language at every level (the refusal, the reason Flink
        // gave, the step back that was not made); English for an English reader, as recorded on the run.
        assertThat(jobFailedIncident(jobId, "zh-CN")).containsAnyOf("不再尝试其他恢复点", "没有其他可用的恢复点")
                .contains("被拒绝").doesNotContain(" refused: ").doesNotContain("Did not start")
                .doesNotContain("Launch failed");
        assertThat(last.get("errDesc").asText()).startsWith(jobFailedIncident(jobId, "en"));
    }

    /** The message of the job's JOB_FAILED incident as GET alert/incidents says it in {@code language}. */
    private String jobFailedIncident(long jobId, String language) throws Exception {
        JsonNode incidents = api.call(get(ApiTestSupport.API + "/streamis/streamJobManager/alert/incidents")
                .session(admin).param("jobId", String.valueOf(jobId)).header("Accept-Language", language))
                .at("/data/incidents");
        for (JsonNode i : incidents) {
            if (i.path("rule").asText().equals("JOB_FAILED")) {
                return i.path("message").asText();
            }
        }
        throw new AssertionError("no JOB_FAILED incident: " + incidents);
    }

    /** Runs the job until {@code n} checkpoints completed, stops it, and returns its points (normalised). */
    private List<String> stoppedWithRetainedCheckpoints(long jobId, int n) throws Exception {
        execute(jobId, null);
        await(n + " checkpoints", WAIT, () -> snapshots(api, admin, jobId),
                s -> s.findValues("kind").stream().filter(k -> k.asText().equals("CHECKPOINT")).count() >= n);
        api.call(get(ApiTestSupport.API + JOB + "/stop").session(admin).param("jobId", String.valueOf(jobId)));
        JsonNode s = await(n + " retained checkpoints", WAIT, () -> snapshots(api, admin, jobId), x -> {
            int usable = 0;
            for (JsonNode p : x) {
                usable += p.path("usable").asBoolean() ? 1 : 0;
            }
            return usable >= n;
        });
        return s.findValues("path").stream().map(p -> normalise(p.asText())).toList();
    }

    private String newest(long jobId) throws Exception {
        return api.call(put(ApiTestSupport.API + JOB + "/execute/inspect").session(admin)
                .param("jobId", String.valueOf(jobId))).at("/data/snapshot/path").asText();
    }

    /** Deletes a point's state files and keeps its metadata: Flink reads the point, its tasks cannot restore. */
    private static void removeStateFiles(String point) throws Exception {
        Path dir = Path.of(URI.create(point.replaceFirst("^file:/+", "file:///")));
        List<Path> stateFiles;
        try (var files = Files.list(dir)) {
            stateFiles = files.filter(f -> !f.getFileName().toString().equals("_metadata")).toList();
        }
        assertThat(stateFiles).as("state kept in files beside _metadata").isNotEmpty();
        for (Path f : stateFiles) {
            Files.delete(f);
        }
    }

    private List<String> log(long taskId) {
        return taskLog.read(taskId, 1, 1000, null, null, 0).logs();
    }
}
