package io.streamis.server.flink;

import static io.streamis.server.flink.FlinkTestSupport.await;
import static io.streamis.server.flink.FlinkTestSupport.produce;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamis.server.support.ApiTestSupport;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Stops and savepoints are persisted intents the reconciler settles: the request's thread returns before Flink
 * completes (the answer follows), the operation row exists before the answer, and an intent whose requester died
 * before asking Flink is given up without touching the running job.
 */
class StopIntentTest extends AbstractFlinkApiTest {

    @org.springframework.beans.factory.annotation.Autowired OperationWriteFault fault;

    @Test
    void aStopWithSavepointReturnsItsThreadAndAnswersWithThePathOnceSettled() throws Exception {
        long jobId = upload(FlinkTestSupport.sqlZip("sql_stop_intent", produce("500", false, null)));
        long taskId = execute(jobId, null).get("taskId").asLong();
        awaitCheckpoint(jobId);

        MvcResult pending = mvc.perform(get(ApiTestSupport.API + JOB + "/stop").session(admin)
                .param("jobId", String.valueOf(jobId)).param("snapshot", "true")).andReturn();
        assertThat(pending.getRequest().isAsyncStarted()).as("the servlet thread returned before the stop's end")
                .isTrue();
        Map<String, Object> intent = jdbc.queryForMap("SELECT kind, from_status, requested_by FROM"
                + " streamis_task_operation WHERE task_id = ?", taskId);
        assertThat(intent).containsEntry("KIND", "STOP_WITH_SAVEPOINT").containsEntry("FROM_STATUS", 5)
                .containsEntry("REQUESTED_BY", "admin");

        pending.getAsyncResult(WAIT.toMillis());
        JsonNode answer = json.readTree(mvc.perform(asyncDispatch(pending)).andReturn().getResponse()
                .getContentAsString());
        assertThat(answer.get("status").asInt()).as(answer.toString()).isZero();
        String path = answer.at("/data/path").asText();
        assertThat(path).contains("savepoint-");

        Map<String, Object> settled = jdbc.queryForMap("SELECT state, result_path FROM streamis_task_operation"
                + " WHERE task_id = ?", taskId);
        assertThat(settled).containsEntry("STATE", "DONE").containsEntry("RESULT_PATH", path);
        assertThat(jdbc.queryForObject("SELECT status FROM linkis_stream_task WHERE id = ?", Integer.class, taskId))
                .isEqualTo(7);
        assertThat(jdbc.queryForList("SELECT path FROM linkis_stream_restore_point WHERE task_id = ? AND origin ="
                + " 'stop'", String.class, taskId)).containsExactly(path);
    }

    /**
     * The run's STOPPED and the stop's DONE commit together: when the second write fails, the first is rolled back
     * and the next pass settles both, rather than leaving a STOPPED run whose stop the next pass calls superseded.
     */
    @Test
    void aStopWhoseSettlementFailsHalfWayIsSettledWholeOnTheNextPass() throws Exception {
        long jobId = upload(FlinkTestSupport.sqlZip("sql_stop_half_settled", produce("500", false, null)));
        long taskId = execute(jobId, null).get("taskId").asLong();
        fault.armOnce();

        MvcResult pending = mvc.perform(get(ApiTestSupport.API + JOB + "/stop").session(admin)
                .param("jobId", String.valueOf(jobId)).param("snapshot", "false")).andReturn();
        pending.getAsyncResult(WAIT.toMillis());
        JsonNode answer = json.readTree(mvc.perform(asyncDispatch(pending)).andReturn().getResponse()
                .getContentAsString());

        assertThat(fault.thrown()).as("the settlement's operation write failed once").isEqualTo(1);
        assertThat(answer.get("status").asInt()).as(answer.toString()).isZero();
        assertThat(jdbc.queryForObject("SELECT state FROM streamis_task_operation WHERE task_id = ?", String.class,
                taskId)).isEqualTo("DONE");
        assertThat(jdbc.queryForObject("SELECT status FROM linkis_stream_task WHERE id = ?", Integer.class, taskId))
                .isEqualTo(7);
    }

    @Test
    void aSavepointOfARunningJobIsRecordedAsAManualPointAndTheJobKeepsRunning() throws Exception {
        long jobId = upload(FlinkTestSupport.sqlZip("sql_savepoint_intent", produce("500", false, null)));
        long taskId = execute(jobId, null).get("taskId").asLong();

        JsonNode answer = api.call(put(ApiTestSupport.API + JOB + "/snapshot/" + jobId).session(admin));
        String path = answer.at("/data/path").asText();
        assertThat(path).as(answer.toString()).contains("savepoint-");
        assertThat(jdbc.queryForMap("SELECT kind, state, result_path FROM streamis_task_operation WHERE task_id = ?",
                taskId)).containsEntry("KIND", "SAVEPOINT").containsEntry("STATE", "DONE")
                .containsEntry("RESULT_PATH", path);
        assertThat(jdbc.queryForList("SELECT path FROM linkis_stream_restore_point WHERE task_id = ? AND origin ="
                + " 'manual'", String.class, taskId)).containsExactly(path);
        assertThat(jdbc.queryForObject("SELECT status FROM linkis_stream_task WHERE id = ?", Integer.class, taskId))
                .isEqualTo(5);
    }

    @Test
    void anIntentWhoseRequesterDiedBeforeAskingFlinkIsGivenUpAndTheJobRunsOn() throws Exception {
        long jobId = upload(FlinkTestSupport.sqlZip("sql_stop_abandoned", produce("500", false, null)));
        JsonNode run = execute(jobId, null);
        long taskId = run.get("taskId").asLong();
        // What a node leaves when it dies between the intent's commit and its call to Flink, long ago.
        jdbc.update("UPDATE linkis_stream_task SET status = 9 WHERE id = ?", taskId);
        jdbc.update("INSERT INTO streamis_task_operation (task_id, job_id, kind, state, from_status, requested_by,"
                + " requested_at) VALUES (?, ?, 'STOP_WITH_SAVEPOINT', 'REQUESTED', 5, 'admin', ?)", taskId, jobId,
                Timestamp.valueOf(LocalDateTime.now().minusHours(1)));

        await("the abandoned stop given up", WAIT, () -> json.valueToTree(Map.of("state", jdbc.queryForObject(
                "SELECT state FROM streamis_task_operation WHERE task_id = ?", String.class, taskId))),
                op -> op.path("state").asText().equals("FAILED"));
        assertThat(jdbc.queryForObject("SELECT error FROM streamis_task_operation WHERE task_id = ?", String.class,
                taskId)).contains("before Flink was asked");
        assertThat(jdbc.queryForObject("SELECT status FROM linkis_stream_task WHERE id = ?", Integer.class, taskId))
                .as("back to RUNNING").isEqualTo(5);
        String flinkJobId = run.get("flinkJobId").asText();
        assertThat(clusters.get("embedded").jobsOverview().get(flinkJobId).state().isGloballyTerminal())
                .as("the job was never asked to stop").isFalse();
        String recorded = jdbc.queryForObject("SELECT err_desc FROM linkis_stream_task WHERE id = ?", String.class,
                taskId);
        assertThat(recorded).as("the run records the English, as before")
                .isEqualTo("Stop failed: the request ended before Flink was asked (was the server restarted?)");
        // Shown in the reader's language, each level (the failed stop, why it failed); English for an English reader.
        String zh = "停止失败：请求在询问 Flink 之前就已结束（服务器是否重启过？）";
        assertThat(stopCause(jobId, "zh-CN")).as("a running run's cause too").isEqualTo(zh);
        assertThat(errorMsg(jobId, "zh-CN").get("errDesc").asText()).isEqualTo(zh);
        assertThat(stopCause(jobId, "en")).isEqualTo(recorded);
        assertThat(errorMsg(jobId, "en").get("errDesc").asText()).isEqualTo(recorded);
    }
}
