package io.streamis.server.job;

import static io.streamis.server.support.Zips.sqlMeta;
import static io.streamis.server.support.Zips.zip;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamis.server.support.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Repeating a bulk request within the de-duplication window: after a partial failure it is a retry of the failed
 * items only; once nothing failed it returns the earlier operation.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class BulkRetryApiTest {

    static final String JOB = "/streamis/streamJobManager/job";

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;

    @Test
    void aRepeatRerunsTheFailedItemsOnly() throws Exception {
        ApiTestSupport api = new ApiTestSupport(mvc, json);
        MockHttpSession admin = api.login("admin", "admin-password-1");
        long ok = importJob(api, admin, "retry_ok_" + System.nanoTime());
        long broken = importJob(api, admin, "retry_broken_" + System.nanoTime());
        api.postJson(admin, JOB + "/ban", "[" + broken + "]");
        String request = "{\"bulk_sbj\":[" + ok + "," + broken + "]}";

        JsonNode first = api.postJson(admin, JOB + "/bulk/pause", request);
        long firstId = first.at("/data/bulkId").asLong();
        assertThat(item(first, ok).get("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(item(first, broken).get("state").asText()).isEqualTo("FAILED");
        assertThat(item(first, broken).get("message").asText()).contains("banned");

        // Fix the cause, repeat: the failed item runs again, the succeeded one is carried, not run again.
        api.postJson(admin, JOB + "/enable", "[" + broken + "]");
        JsonNode retry = api.postJson(admin, JOB + "/bulk/pause", request);
        long retryId = retry.at("/data/bulkId").asLong();
        assertThat(retryId).as("a retry is a new operation").isNotEqualTo(firstId);
        assertThat(retry.at("/data/total").asInt()).isEqualTo(2);
        assertThat(item(retry, broken).get("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(item(retry, broken).get("message").asText()).isEqualTo("was not running");
        assertThat(item(retry, ok).get("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(item(retry, ok).get("message").asText())
                .isEqualTo("was not running (in bulk operation " + firstId + "; not run again)");

        // Nothing failed any more: the same request is answered with that operation, nothing runs.
        JsonNode again = api.postJson(admin, JOB + "/bulk/pause", request);
        assertThat(again.at("/data/bulkId").asLong()).isEqualTo(retryId);
    }

    @Test
    void aRetryThatFailsAgainCanBeRetriedAgainWithoutPilingUpNotes() throws Exception {
        ApiTestSupport api = new ApiTestSupport(mvc, json);
        MockHttpSession admin = api.login("admin", "admin-password-1");
        long ok = importJob(api, admin, "retry2_ok_" + System.nanoTime());
        long broken = importJob(api, admin, "retry2_broken_" + System.nanoTime());
        api.postJson(admin, JOB + "/ban", "[" + broken + "]");
        String request = "{\"bulk_sbj\":[" + ok + "," + broken + "]}";
        long firstId = api.postJson(admin, JOB + "/bulk/pause", request).at("/data/bulkId").asLong();
        JsonNode second = api.postJson(admin, JOB + "/bulk/pause", request);
        assertThat(item(second, broken).get("state").asText()).as("still banned").isEqualTo("FAILED");
        JsonNode third = api.postJson(admin, JOB + "/bulk/pause", request);
        long secondId = second.at("/data/bulkId").asLong();
        assertThat(third.at("/data/bulkId").asLong()).isNotIn(firstId, secondId);
        assertThat(item(third, ok).get("message").asText())
                .isEqualTo("was not running (in bulk operation " + secondId + "; not run again)");
    }

    private static long importJob(ApiTestSupport api, MockHttpSession admin, String name) throws Exception {
        JsonNode r = api.upload(admin, "default", "job.zip",
                zip().add("meta.json", sqlMeta("default", name, "SELECT 1", null)).bytes());
        assertThat(r.get("status").asInt()).as(r.toString()).isZero();
        return r.at("/data/jobId").asLong();
    }

    private static JsonNode item(JsonNode answer, long jobId) {
        for (JsonNode i : answer.at("/data/items")) {
            if (i.get("jobId").asLong() == jobId) {
                return i;
            }
        }
        throw new AssertionError("no item for job " + jobId + " in " + answer);
    }
}
