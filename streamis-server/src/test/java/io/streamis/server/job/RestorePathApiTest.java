package io.streamis.server.job;

import static io.streamis.server.support.Zips.sqlMeta;
import static io.streamis.server.support.Zips.zip;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamis.common.error.ErrorCode;
import io.streamis.server.support.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A confirmed restore path outside the job's own state directories is refused before anything is started or
 * written, through the single start and through bulk, and the answer names the rule.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class RestorePathApiTest {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aPathOutsideTheJobsStateIsRefusedWithTheRule() throws Exception {
        ApiTestSupport api = new ApiTestSupport(mvc, json);
        MockHttpSession admin = api.login("admin", "admin-password-1");
        String name = "paths_" + System.nanoTime();
        long jobId = api.upload(admin, "default", "job.zip", zip().add("meta.json",
                sqlMeta("default", name, "SELECT 1", null)).bytes()).at("/data/jobId").asLong();
        // Another project's state, and a probe of the file system.
        for (String path : new String[] {"file:///etc", "/tmp/../etc/passwd", "file:///data/flink/state/other/job/savepoints/sp"}) {
            JsonNode r = api.postJson(admin, "/streamis/streamJobManager/job/execute",
                    "{\"jobId\":" + jobId + ",\"snapshotPath\":\"" + path + "\"}");
            assertThat(r.at("/data/errorCode").asText()).as(r.toString())
                    .isEqualTo(ErrorCode.RESTORE_PATH_REFUSED.name());
            assertThat(r.get("message").asText()).contains("under the job's own state directories")
                    .contains(name + "/savepoints").contains("streamis.jobmanager.restore-roots");
        }
        JsonNode bulk = api.postJson(admin, "/streamis/streamJobManager/job/bulk/execution",
                "{\"bulk_sbj\":[" + jobId + "],\"snapshotPaths\":{\"" + jobId + "\":\"/etc/passwd\"}}");
        assertThat(bulk.at("/data/items/0/state").asText()).as(bulk.toString()).isEqualTo("FAILED");
        assertThat(bulk.at("/data/items/0/message").asText()).contains("under the job's own state directories");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM linkis_stream_task WHERE job_id = ?", Integer.class,
                jobId)).as("nothing was started").isZero();
    }
}
