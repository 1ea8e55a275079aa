package io.streamis.server.compat;

import static io.streamis.server.support.Zips.sqlMeta;
import static io.streamis.server.support.Zips.zip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamis.jobmanager.lifecycle.ServerInstance;
import io.streamis.server.support.ApiTestSupport;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The endpoints a 0.3.x client calls on every page load, with its key names (behaviour §1.4, §1.5, login page):
 * each answered "No such endpoint" before.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class CompatEndpointsApiTest {

    static final String JM = "/streamis/streamJobManager";

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;
    @Autowired ServerInstance server;

    ApiTestSupport api;
    MockHttpSession admin;

    @BeforeEach
    void setUp() throws Exception {
        api = new ApiTestSupport(mvc, json);
        admin = api.login("admin", "admin-password-1");
    }

    String project(String... editUsers) throws Exception {
        String name = "p" + System.nanoTime();
        StringBuilder users = new StringBuilder();
        for (String u : editUsers) {
            users.append(users.length() == 0 ? "" : ",").append('"').append(u).append('"');
        }
        JsonNode r = api.postJson(admin, "/streamis/project/createProject", "{\"projectName\":\"" + name
                + "\",\"releaseUsers\":[\"admin\"],\"editUsers\":[" + users + "]}");
        assertThat(r.get("status").asInt()).as(r.toString()).isZero();
        return name;
    }

    long upload(String project, String job) throws Exception {
        JsonNode r = api.upload(admin, project, "job.zip", zip().add("meta.json", sqlMeta(project, job, "SELECT 1",
                null)).bytes());
        assertThat(r.get("status").asInt()).as(r.toString()).isZero();
        return r.at("/data/jobId").asLong();
    }

    void task(long jobId, int status) {
        jdbc.update("INSERT INTO linkis_stream_task (job_version_id, job_id, version, status, start_time)"
                + " SELECT v.id, v.job_id, v.version, ?, CURRENT_TIMESTAMP FROM linkis_stream_job_version v"
                + " WHERE v.job_id = ? ORDER BY v.id DESC LIMIT 1", status, jobId);
        // as a start's intent records it (StartRecorder)
        jobRows.updateLatestTask(jobId, jdbc.queryForObject("SELECT MAX(id) FROM linkis_stream_task WHERE job_id = ?",
                Long.class, jobId));
    }

    @org.springframework.beans.factory.annotation.Autowired io.streamis.jobmanager.job.JobMapper jobRows;

    @Test
    void projectCoreTargetCountsJobsPerListStatusWithTheUpstreamKeys() throws Exception {
        String project = project("admin");
        long running1 = upload(project, "a");
        long running2 = upload(project, "b");
        long failed = upload(project, "c");
        long stoppedThenRunning = upload(project, "d");
        upload(project, "e");
        task(running1, 5);
        task(running2, 5);
        task(failed, 6);
        task(stoppedThenRunning, 7);
        task(stoppedThenRunning, 8);

        JsonNode r = api.call(get(ApiTestSupport.API + JM + "/project/core/target").session(admin)
                .param("projectName", project));
        assertThat(r.get("status").asInt()).as(r.toString()).isZero();
        JsonNode core = r.at("/data/taskCore");
        assertThat(core.get("projectName").asText()).isEqualTo(project);
        assertThat(core.get("projectId").asLong()).isPositive();
        assertThat(core.get("runningNum").asLong()).isEqualTo(2);
        assertThat(core.get("failureNum").asLong()).isEqualTo(1);
        assertThat(core.get("startingNum").asLong()).as("only the latest task counts").isEqualTo(1);
        assertThat(core.get("stoppedNum").asLong()).isZero();
        for (String key : List.of("stoppingNum", "slowTaskNum", "alertNum", "waitRestartNum", "successNum")) {
            assertThat(core.get(key)).as(key).isNotNull();
            assertThat(core.get(key).asLong()).as(key).isZero();
        }
        assertThat(core.get("jobShutdownHooks").isArray()).isTrue();
    }

    @Test
    void projectCoreTargetCountsNothingForAUserWithoutPrivilege() throws Exception {
        String project = project("admin");
        task(upload(project, "a"), 5);
        api.postJson(admin, "/user/create", "{\"userName\":\"dave\",\"password\":\"dave-password-1\"}");
        MockHttpSession dave = api.login("dave", "dave-password-1");
        JsonNode core = api.call(get(ApiTestSupport.API + JM + "/project/core/target").session(dave)
                .param("projectName", project)).at("/data/taskCore");
        assertThat(core.get("runningNum").asLong()).isZero();
    }

    @Test
    void highAvailableAnswersUserNamesAndClusterMessage() throws Exception {
        JsonNode names = api.call(get(ApiTestSupport.API + JM + "/highAvailable/username").session(admin));
        assertThat(names.get("status").asInt()).isZero();
        assertThat(names.at("/data/userName").asText()).isEqualTo("admin");
        assertThat(names.at("/data/proxyUser").asText()).isEqualTo("admin");

        JsonNode ha = api.call(get(ApiTestSupport.API + JM + "/highAvailable/getHAMsg").session(admin));
        assertThat(ha.get("status").asInt()).isZero();
        assertThat(ha.at("/data/clusterName").asText()).isEqualTo("default");
        assertThat(ha.at("/data/clusterIp").asText()).isNotBlank();
        assertThat(ha.at("/data/whetherManager").isBoolean()).isTrue();
        // The platform's own nodes, from the text source the start inspection uses.
        assertThat(ha.at("/data/platformMsg").asText()).isEqualTo("Platform: a single Streamis node ("
                + server.id() + "); its jobs are watched (monitor, auto-restart) only while it runs.");
    }

    @Test
    void haMsgCountsTheLiveNodesSharingTheDatabaseAndNamesTheLeader() throws Exception {
        String other = "other-host.example:9400";
        String stale = "gone-host.example:9400";
        jdbc.update("INSERT INTO streamis_node (node_id, instance, embedded, started_at, heartbeat_at)"
                + " VALUES (?, ?, FALSE, CURRENT_TIMESTAMP(3), CURRENT_TIMESTAMP(3))", other + "/1-test", other);
        // A node silent for an hour is not alive, whatever its row says.
        jdbc.update("INSERT INTO streamis_node (node_id, instance, embedded, started_at, heartbeat_at)"
                + " VALUES (?, ?, FALSE, TIMESTAMPADD(HOUR, -1, CURRENT_TIMESTAMP(3)),"
                + " TIMESTAMPADD(HOUR, -1, CURRENT_TIMESTAMP(3)))", stale + "/1-test", stale);
        try {
            JsonNode ha = api.call(get(ApiTestSupport.API + JM + "/highAvailable/getHAMsg").session(admin));
            assertThat(ha.at("/data/platformMsg").asText()).isEqualTo("Platform: 2 live Streamis nodes share this"
                    + " database; " + server.id() + " leads (monitor, auto-restart, recovery) and takes over from a node that"
                    + " fails; this answer comes from " + server.id() + ".");
            JsonNode zh = api.call(get(ApiTestSupport.API + JM + "/highAvailable/getHAMsg").session(admin)
                    .header("Accept-Language", "zh-CN"));
            assertThat(zh.at("/data/platformMsg").asText()).isEqualTo("平台：2 个存活的 Streamis 节点共用此数据库；"
                    + "主节点 " + server.id() + " 负责监控、自动重启与恢复，并在某个节点故障时接管；本应答来自 " + server.id() + "。");
            // The 0.3.x keys are unchanged.
            assertThat(zh.at("/data/clusterName").asText()).isEqualTo("default");
        } finally {
            jdbc.update("DELETE FROM streamis_node WHERE node_id IN (?, ?)", other + "/1-test", stale + "/1-test");
        }
    }

    @Test
    void workspaceUsersAreTheProjectsUsersWithoutDss() throws Exception {
        String project = project("admin", "erin", "frank");
        JsonNode r = api.call(get(ApiTestSupport.API + JM + "/config/getWorkspaceUsers").session(admin)
                .param("projectName", project));
        assertThat(r.get("status").asInt()).as(r.toString()).isZero();
        List<String> users = new ArrayList<>();
        r.at("/data/users").forEach(u -> users.add(u.asText()));
        assertThat(users).contains("admin", "erin", "frank");

        // As 0.3.x calls it: no parameters at all, only the (absent) DSS workspace cookie. Never an error.
        JsonNode bare = api.call(get(ApiTestSupport.API + JM + "/config/getWorkspaceUsers").session(admin));
        assertThat(bare.get("status").asInt()).isZero();
        assertThat(bare.at("/data/users").isArray()).isTrue();
        assertThat(bare.at("/data/users").toString()).contains("erin");
    }

    @Test
    void publicKeyAnswersBeforeLogin() throws Exception {
        JsonNode r = api.call(get(ApiTestSupport.API + "/user/publicKey"));
        assertThat(r.get("status").asInt()).as(r.toString()).isZero();
        assertThat(r.at("/data/enableLoginEncrypt").isBoolean()).isTrue();
        assertThat(r.at("/data/enableLoginEncrypt").asBoolean()).isFalse();
    }

    @Test
    void dssBaseInfoAnswersWithTheUserWithoutDss() throws Exception {
        JsonNode r = api.call(get(ApiTestSupport.API + "/dss/framework/workspace/getBaseInfo").session(admin));
        assertThat(r.get("status").asInt()).as(r.toString()).isZero();
        assertThat(r.at("/data/userName").asText()).isEqualTo("admin");
        assertThat(r.at("/data/isAdmin").asBoolean()).isTrue();
        assertThat(api.call(get(ApiTestSupport.API + "/dss/framework/workspace/getBaseInfo")).get("status").asInt())
                .as("still needs a user").isEqualTo(-1);
    }

    @Test
    void versionRowsCarryTheJobIdAndDescriptionAndTheVersionsOwnIdUnderVersionId() throws Exception {
        String project = project("admin");
        long jobId = upload(project, "versioned");
        upload(project, "versioned");
        JsonNode r = api.call(get(ApiTestSupport.API + JM + "/job/" + jobId + "/versions").session(admin));
        assertThat(r.get("status").asInt()).as(r.toString()).isZero();
        JsonNode rows = r.at("/data/versions");
        assertThat(rows.size()).isEqualTo(2);
        List<Long> versionIds = jdbc.queryForList("SELECT id FROM linkis_stream_job_version WHERE job_id = ?"
                + " ORDER BY id DESC", Long.class, jobId);
        for (int i = 0; i < 2; i++) {
            JsonNode row = rows.get(i);
            assertThat(row.get("id").asLong()).as("0.3.x: id is the job's").isEqualTo(jobId);
            assertThat(row.get("versionId").asLong()).isEqualTo(versionIds.get(i));
            assertThat(row.get("description").asText()).as("the job's description").isEqualTo("d");
            assertThat(row.get("comment").asText()).as("the version's comment").isEqualTo("first");
        }
        JsonNode detail = api.call(get(ApiTestSupport.API + JM + "/job/version").session(admin)
                .param("jobId", String.valueOf(jobId)).param("version", "v00001")).at("/data/detail");
        assertThat(detail.get("id").asLong()).isEqualTo(jobId);
        assertThat(detail.get("versionId").asLong()).isEqualTo(versionIds.get(1));
        // What a 0.3.x client does next with the row's id.
        JsonNode content = api.call(get(ApiTestSupport.API + JM + "/job/jobContent").session(admin)
                .param("jobId", detail.get("id").asText()));
        assertThat(content.get("status").asInt()).as(content.toString()).isZero();
        assertThat(content.at("/data/jobContent/sql").asText()).isEqualTo("SELECT 1");
    }
}
