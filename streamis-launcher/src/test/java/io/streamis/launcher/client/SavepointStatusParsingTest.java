package io.streamis.launcher.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** REST shapes from flink-notes §6 served by a tiny endpoint: the gateway reads them as Flink means them. */
class SavepointStatusParsingTest {

    private HttpServer server;
    private final Map<String, String> answers = new ConcurrentHashMap<>();
    private RestFlinkClusterGateway gateway;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            String body = answers.getOrDefault(ex.getRequestURI().getPath(), "{\"errors\":[\"Not found: "
                    + ex.getRequestURI().getPath() + "\"]}");
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(answers.containsKey(ex.getRequestURI().getPath()) ? 200 : 404, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        server.start();
        gateway = new RestFlinkClusterGateway("t", () -> "http://127.0.0.1:" + server.getAddress().getPort(),
                new ObjectMapper());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void completedWithFailureCauseIsAFailure() {
        answers.put("/jobs/j/savepoints/r", "{\"status\":{\"id\":\"COMPLETED\"},\"operation\":{\"failure-cause\":"
                + "{\"class\":\"x\",\"stack-trace\":\"java.util.concurrent.CompletionException: boom\\n"
                + "Caused by: org.apache.flink.runtime.checkpoint.CheckpointException: IO-problem detected\"}}}");
        SavepointStatus s = gateway.savepointStatus("j", "r");
        assertThat(s.phase()).isEqualTo(SavepointStatus.Phase.FAILED);
        assertThat(s.failureCause()).contains("IO-problem detected");
    }

    @Test
    void inProgressAndCompletedWithLocation() {
        answers.put("/jobs/j/savepoints/a", "{\"status\":{\"id\":\"IN_PROGRESS\"}}");
        answers.put("/jobs/j/savepoints/b", "{\"status\":{\"id\":\"COMPLETED\"},\"operation\":{\"location\":\"file:/s/savepoint-1\"}}");
        assertThat(gateway.savepointStatus("j", "a").phase()).isEqualTo(SavepointStatus.Phase.PENDING);
        assertThat(gateway.savepointStatus("j", "b").location()).isEqualTo("file:/s/savepoint-1");
    }

    @Test
    void overviewKnowsRunningOnlyWhenAllTasksRun() {
        answers.put("/jobs/overview", "{\"jobs\":[{\"jid\":\"a\",\"name\":\"p.j\",\"state\":\"RUNNING\",\"start-time\":1,"
                + "\"end-time\":-1,\"tasks\":{\"running\":1,\"total\":2,\"scheduled\":1}},{\"jid\":\"b\",\"name\":\"x\","
                + "\"state\":\"SOMETHING_NEW\",\"tasks\":{\"running\":0,\"total\":0}},{\"jid\":\"c\",\"name\":\"y\","
                + "\"state\":\"RUNNING\",\"tasks\":{\"running\":2,\"finished\":1,\"total\":3}}]}");
        Map<String, JobOverview> o = gateway.jobsOverview();
        assertThat(o.get("a").allTasksRunning()).isFalse();
        assertThat(o.get("b").state()).isEqualTo(FlinkJobState.UNKNOWN);
        assertThat(o.get("c").allTasksRunning()).as("a finished bounded source does not hold the job back").isTrue();
    }

    @Test
    void errorsCarryFlinksMessageNotTheWholeTrace() {
        FlinkClusterException e = org.junit.jupiter.api.Assertions.assertThrows(FlinkClusterException.class,
                () -> gateway.cancel("missing"));
        assertThat(e.isNotFound()).isTrue();
        assertThat(e.getMessage()).contains("Not found: /jobs/missing");
    }

    @Test
    void checkpointFailuresInARowCountFromTheNewestUntilACompletedOne() {
        // GET /jobs/:id/checkpoints as Flink 1.20 answers it (history newest first), reduced to the keys read.
        answers.put("/jobs/j1/checkpoints", """
                {"counts":{"restored":0,"total":6,"in_progress":1,"completed":2,"failed":3},
                 "latest":{"completed":{"id":3,"status":"COMPLETED","is_savepoint":false,"latest_ack_timestamp":1700000003000,
                   "state_size":1024,"end_to_end_duration":120,"external_path":"file:/state/chk-3"},
                   "savepoint":null,"failed":{"id":5,"status":"FAILED"},"restored":null},
                 "history":[
                   {"id":6,"status":"IN_PROGRESS","is_savepoint":false},
                   {"id":5,"status":"FAILED","is_savepoint":false},
                   {"id":4,"status":"FAILED","is_savepoint":false},
                   {"id":3,"status":"COMPLETED","is_savepoint":false,"latest_ack_timestamp":1700000003000,
                    "external_path":"file:/state/chk-3"},
                   {"id":2,"status":"FAILED","is_savepoint":false},
                   {"id":1,"status":"COMPLETED","is_savepoint":false,"latest_ack_timestamp":1700000001000,
                    "external_path":"file:/state/chk-1"}]}""");
        CheckpointStats stats = gateway.checkpoints("j1");
        assertThat(stats.failedInARow()).as("4 and 5 failed after 3 completed; the older failure 2 does not count")
                .isEqualTo(2);
        assertThat(stats.failedCount()).isEqualTo(3);
        assertThat(stats.history()).extracting(CheckpointStats.Completed::id).containsExactly(3L, 1L);
        assertThat(stats.latestCompleted().completedTs()).isEqualTo(1700000003000L);
    }
}
