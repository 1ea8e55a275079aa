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

/**
 * A cluster log that cannot be shown says why as a notice with a message key (the endpoint says it in the reader's
 * language), its English as the page's one line; a log that exists is a page of its lines without a notice.
 */
class ClusterLogNoticeTest {

    private HttpServer server;
    private final Map<String, String> answers = new ConcurrentHashMap<>();
    private RestFlinkClusterGateway gateway;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            String body = answers.getOrDefault(ex.getRequestURI().getPath(), "{\"errors\":[\"Not found\"]}");
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
    void aClusterWithoutLogFilesSaysSoWithAKey() {
        answers.put("/jobmanager/logs", "{\"logs\":[{\"name\":\"jobmanager.out\",\"size\":0}]}");
        LogPage page = gateway.jobManagerLog(1, 100, null, null);
        assertThat(page.notice().key()).isEqualTo("log.no-log-file");
        assertThat(page.notice().args()).containsExactly("JobManager");
        assertThat(page.logs()).containsExactly(page.notice().english());
        assertThat(page.logs().get(0)).startsWith("This cluster keeps no JobManager log file");
    }

    @Test
    void aClusterWithoutTaskManagersSaysSoWithAKey() {
        answers.put("/taskmanagers", "{\"taskmanagers\":[]}");
        LogPage page = gateway.taskManagerLog(1, 100, null, null);
        assertThat(page.notice().key()).isEqualTo("log.no-taskmanager");
        assertThat(page.logs()).containsExactly("The cluster has no TaskManager");
    }

    @Test
    void aLogThatExistsIsItsLinesWithoutANotice() {
        answers.put("/jobmanager/logs", "{\"logs\":[{\"name\":\"jobmanager.log\",\"size\":2}]}");
        answers.put("/jobmanager/logs/jobmanager.log", "first\nsecond\n");
        LogPage page = gateway.jobManagerLog(1, 100, null, null);
        assertThat(page.notice()).isNull();
        assertThat(page.logs()).containsExactly("first", "second");
        assertThat(page.logPath()).isEqualTo("jobmanager.log");
    }
}
