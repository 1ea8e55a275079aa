package io.streamis.server.metrics;

import static io.streamis.server.support.Zips.sqlMeta;
import static io.streamis.server.support.Zips.zip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamis.jobmanager.alert.RecordingHttpServer;
import io.streamis.jobmanager.monitor.MonitorCycle;
import io.streamis.jobmanager.task.TaskFact;
import io.streamis.launcher.client.RestFlinkClusterGateway;
import io.streamis.server.support.ApiTestSupport;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** {@code /actuator/prometheus} needs the configured bearer token and exposes the platform's named series. */
@SpringBootTest(properties = "streamis.server.metrics.token=scrape-t0ken")
@AutoConfigureMockMvc
@org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability
@ActiveProfiles("test")
class PrometheusEndpointTest {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired ApplicationEventPublisher events;

    MvcResult scrape(String authorization) throws Exception {
        var req = get("/actuator/prometheus");
        if (authorization != null) {
            req.header("Authorization", authorization);
        }
        return mvc.perform(req).andReturn();
    }

    @Test
    void withoutTheTokenNothingIsShown() throws Exception {
        assertThat(scrape(null).getResponse().getStatus()).isEqualTo(401);
        assertThat(scrape("Bearer wrong").getResponse().getStatus()).isEqualTo(401);
        assertThat(scrape("Basic c2NyYXBlLXQwa2Vu").getResponse().getStatus()).isEqualTo(401);
        assertThat(scrape(null).getResponse().getContentAsString()).doesNotContain("streamis_");
    }

    @Test
    void theTokenShowsThePlatformSeries() throws Exception {
        ApiTestSupport api = new ApiTestSupport(mvc, json);
        var admin = api.login("admin", "admin-password-1");
        JsonNode up = api.upload(admin, "default", "job.zip", zip().add("meta.json",
                sqlMeta("default", "metered" + System.nanoTime(), "SELECT 1", null)).bytes());
        long jobId = up.at("/data/jobId").asLong();
        events.publishEvent(new TaskFact.Started(jobId, 1L, "USER"));
        events.publishEvent(new TaskFact.Restarted(jobId, 1L, true));
        events.publishEvent(new TaskFact.CheckpointsRead(jobId, 1L, System.currentTimeMillis() - 90_000, 1, 4));
        events.publishEvent(new MonitorCycle(Duration.ofMillis(12), 1));
        // Facts about a job that does not exist: counted, and nothing else happens.
        events.publishEvent(new TaskFact.Failed(-1, null, "elsewhere", false));
        events.publishEvent(new TaskFact.Stopped(-1, null));
        try (RecordingHttpServer flink = new RecordingHttpServer()) {
            flink.script(new RecordingHttpServer.Reply(200, "{\"flink-version\":\"1.20.0\",\"taskmanagers\":1}"));
            new RestFlinkClusterGateway("metered-cluster", () -> flink.url(""), json).overview();
        }

        MvcResult r = scrape("Bearer scrape-t0ken");
        assertThat(r.getResponse().getStatus()).isEqualTo(200);
        String body = r.getResponse().getContentAsString();
        assertThat(value(body, "streamis_jobs\\{[^}]*status=\"not_started\"[^}]*\\}")).isGreaterThanOrEqualTo(1);
        assertThat(body).contains("streamis_jobs{", "status=\"running\"");
        assertThat(value(body, "streamis_job_starts_total\\{[^}]*cause=\"USER\"[^}]*\\}")).isGreaterThanOrEqualTo(1);
        assertThat(value(body, "streamis_job_restarts_total\\{[^}]*by=\"flink\"[^}]*\\}")).isGreaterThanOrEqualTo(1);
        assertThat(value(body, "streamis_restore_point_age_seconds\\{[^}]*job=\"metered[0-9]+\"[^}]*\\}"))
                .isBetween(89.0, 600.0);
        assertThat(value(body, "streamis_checkpoint_failures\\{[^}]*job=\"metered[0-9]+\"[^}]*\\}")).isEqualTo(4);
        assertThat(value(body, "streamis_checkpoint_failures_in_a_row\\{[^}]*job=\"metered[0-9]+\"[^}]*\\}"))
                .isEqualTo(1);
        assertThat(value(body, "streamis_monitor_cycle_seconds_count\\{[^}]*\\}")).isGreaterThanOrEqualTo(1);
        assertThat(body).contains("streamis_bulk_queue_depth{", "streamis_alerts_incidents_open{",
                "streamis_alerts_undelivered{");
        assertThat(value(body, "streamis_flink_rest_seconds_count\\{[^}]*cluster=\"metered-cluster\"[^}]*"
                + "outcome=\"ok\"[^}]*\\}")).isEqualTo(1);

        // Every series the Grafana dashboard in docs/ queries is one this endpoint exposes.
        String dashboard = java.nio.file.Files.readString(java.nio.file.Path.of("../docs/grafana/streamis.json"));
        Matcher series = Pattern.compile("streamis_[a-z_]+").matcher(dashboard);
        while (series.find()) {
            String name = series.group();
            assertThat(body).as("dashboard series " + name).containsPattern("(?m)^" + name + "[{ ]");
        }

        events.publishEvent(new TaskFact.Stopped(jobId, 1L));
        String after = scrape("Bearer scrape-t0ken").getResponse().getContentAsString();
        assertThat(value(after, "streamis_job_stops_total\\{[^}]*\\}")).isGreaterThanOrEqualTo(1);
        assertThat(after).as("a stopped job has no restore-point age any more")
                .containsPattern("(?m)^streamis_restore_point_age_seconds\\{[^}]*job=\"metered[0-9]+\"[^}]*\\} NaN$");
        // Its rows are dropped at the end of the next monitor cycle, not on the thread that published the stop.
        events.publishEvent(new MonitorCycle(Duration.ofMillis(12), 0));
        assertThat(scrape("Bearer scrape-t0ken").getResponse().getContentAsString())
                .doesNotContainPattern("streamis_restore_point_age_seconds\\{[^}]*job=\"metered");
    }

    private static double value(String body, String series) {
        Matcher m = Pattern.compile("(?m)^" + series + " ([0-9.eE+-]+)$").matcher(body);
        assertThat(m.find()).as("series " + series + " in\n" + body).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
