package io.streamis.server.job;

import static io.streamis.server.support.Zips.sqlMeta;
import static io.streamis.server.support.Zips.zip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamis.server.identity.UserService;
import io.streamis.server.support.ApiTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** Config definitions, validation, templates, copy; projects and privileges on every job endpoint. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ConfigAndAccessApiTest {

    static final String CONFIG = "/streamis/streamJobManager/config";

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;
    @Autowired UserService users;

    ApiTestSupport api;
    MockHttpSession admin;

    @BeforeEach
    void setUp() throws Exception {
        api = new ApiTestSupport(mvc, json);
        admin = api.login("admin", "admin-password-1");
    }

    long importJob(String project, String name) throws Exception {
        JsonNode r = api.upload(admin, project, "job.zip",
                zip().add("meta.json", sqlMeta(project, name, "SELECT 1", null)).bytes());
        assertThat(r.get("status").asInt()).as(r.toString()).isZero();
        return r.at("/data/jobId").asLong();
    }

    @Test
    void definitionsListRootGroupsWithChildren() throws Exception {
        JsonNode def = api.call(get(ApiTestSupport.API + CONFIG + "/definitions").session(admin)).at("/data/def");
        assertThat(def.get(0).get("key").asText()).isEqualTo("wds.linkis.flink.resource");
        JsonNode parallelism = def.get(0).get("child_def").get(0);
        assertThat(parallelism.get("key").asText()).isEqualTo("wds.linkis.flink.app.parallelism");
        assertThat(parallelism.get("validate_rule").asText()).isEqualTo("^([1-9][0-9]{0,1}|100)$");
        assertThat(parallelism.get("default_value").asText()).isEqualTo("4");
    }

    @Test
    void invalidValueNamesKeyAndRuleAndSavesNothing() throws Exception {
        long jobId = importJob("default", "cfg_" + System.nanoTime());
        String before = api.call(get(ApiTestSupport.API + CONFIG + "/json/" + jobId).session(admin)).toString();
        JsonNode r = api.postJson(admin, CONFIG + "/json/" + jobId,
                "{\"wds.linkis.flink.resource\":{\"wds.linkis.flink.app.parallelism\":\"0\"},"
                        + "\"wds.linkis.flink.produce\":{}}");
        assertThat(r.get("status").asInt()).isEqualTo(2);
        assertThat(r.get("message").asText()).contains("wds.linkis.flink.app.parallelism")
                .contains("^([1-9][0-9]{0,1}|100)$");
        // The same refusal in the reader's language, whole (one broken rule has its own key).
        JsonNode zh = api.call(post(ApiTestSupport.API + CONFIG + "/json/" + jobId).session(admin)
                .header("Accept-Language", "zh-CN").contentType(MediaType.APPLICATION_JSON)
                .content("{\"wds.linkis.flink.resource\":{\"wds.linkis.flink.app.parallelism\":\"0\"},"
                        + "\"wds.linkis.flink.produce\":{}}"));
        assertThat(zh.get("message").asText()).isEqualTo(
                "作业配置无效：wds.linkis.flink.app.parallelism 的值 '0' 不符合规则 ^([1-9][0-9]{0,1}|100)$");
        assertThat(api.call(get(ApiTestSupport.API + CONFIG + "/json/" + jobId).session(admin)).toString())
                .isEqualTo(before);
    }

    @Test
    void savesKnownKeysKeepsCustomDropsUnknownGroupsAndFillsDefaults() throws Exception {
        long jobId = importJob("default", "cfg_" + System.nanoTime());
        JsonNode r = api.postJson(admin, CONFIG + "/json/" + jobId, """
                {"wds.linkis.flink.resource":{"wds.linkis.flink.app.parallelism":"8",
                   "wds.linkis.flink.checkpoint.switch":"ON"},
                 "wds.linkis.flink.custom":{"any.flink.key":"x"},
                 "no.such.group":{"a":"b"},
                 "wds.linkis.flink.produce":{"wds.linkis.flink.checkpoint.switch":"ON"}}""");
        assertThat(r.get("status").asInt()).as(r.toString()).isZero();
        JsonNode c = api.call(get(ApiTestSupport.API + CONFIG + "/json/" + jobId).session(admin)).get("data");
        assertThat(c.at("/wds.linkis.flink.resource/wds.linkis.flink.app.parallelism").asText()).isEqualTo("8");
        assertThat(c.at("/wds.linkis.flink.resource").has("wds.linkis.flink.checkpoint.switch"))
                .as("key of another group is dropped").isFalse();
        assertThat(c.at("/wds.linkis.flink.produce/wds.linkis.flink.checkpoint.switch").asText()).isEqualTo("ON");
        assertThat(c.at("/wds.linkis.flink.custom/any.flink.key").asText()).isEqualTo("x");
        assertThat(c.has("no.such.group")).isFalse();
        assertThat(c.at("/wds.linkis.flink.resource/wds.linkis.flink.taskmanager.memory").asText()).isEqualTo("4096");
    }

    @Test
    void copiesConfigFromAnotherJobAndShowsTheProjectTemplate() throws Exception {
        String project = "tpl" + System.nanoTime();
        api.postJson(admin, "/streamis/project/createProject", "{\"projectName\":\"" + project + "\"}");
        long a = importJob(project, "a");
        long b = importJob(project, "b");
        api.postJson(admin, CONFIG + "/json/" + a,
                "{\"wds.linkis.flink.resource\":{\"wds.linkis.flink.app.parallelism\":\"7\"},"
                        + "\"wds.linkis.flink.produce\":{}}");
        JsonNode copy = api.call(post(ApiTestSupport.API + CONFIG + "/copy").session(admin)
                .param("jobId", String.valueOf(b)).param("fromJobId", String.valueOf(a)));
        assertThat(copy.get("status").asInt()).as(copy.toString()).isZero();
        JsonNode cb = api.call(get(ApiTestSupport.API + CONFIG + "/json/" + b).session(admin)).get("data");
        assertThat(cb.at("/wds.linkis.flink.resource/wds.linkis.flink.app.parallelism").asText()).isEqualTo("7");

        String template = "{\"jobConfig\":{\"wds.linkis.flink.custom\":{\"from.template\":\"yes\"}}}";
        JsonNode up = api.call(multipart(ApiTestSupport.API + "/streamis/streamProjectManager/project/files/upload")
                .file(new MockMultipartFile("file", project + "-meta.json", "application/json", template.getBytes()))
                .param("projectName", project).param("version", "1.0.0").session(admin));
        assertThat(up.get("status").asInt()).as(up.toString()).isZero();
        JsonNode cfg = api.call(get(ApiTestSupport.API + CONFIG + "/json/" + b).session(admin)).get("data");
        assertThat(cfg.at("/template/wds.linkis.flink.custom/from.template").asText()).isEqualTo("yes");

        // A template that names a job is refused, in the reader's language.
        JsonNode named = api.call(multipart(ApiTestSupport.API + "/streamis/streamProjectManager/project/files/upload")
                .file(new MockMultipartFile("file", project + "-meta.json", "application/json",
                        "{\"jobName\":\"x\"}".getBytes()))
                .param("projectName", project).param("version", "2.0.0").session(admin)
                .header("Accept-Language", "zh-CN"));
        assertThat(named.get("message").asText()).isEqualTo(project + "-meta.json：作业模板不能定义 jobName");
    }

    @Test
    void everyJobEndpointChecksPrivileges() throws Exception {
        long jobId = importJob("default", "priv_" + System.nanoTime());
        String stranger = "stranger" + System.nanoTime();
        users.create(stranger, "stranger-password");
        MockHttpSession s = api.login(stranger, "stranger-password");
        String id = String.valueOf(jobId);
        assertThat(api.call(get(ApiTestSupport.API + "/streamis/streamJobManager/job/jobInfo").param("jobId", id)
                .session(s)).get("status").asInt()).isEqualTo(3);
        assertThat(api.call(put(ApiTestSupport.API + "/streamis/streamJobManager/job/status").session(s)
                .contentType(MediaType.APPLICATION_JSON).content("{\"id_list\":[" + id + "]}")).get("status").asInt())
                .isEqualTo(3);
        assertThat(api.call(get(ApiTestSupport.API + CONFIG + "/json/" + id).session(s)).get("status").asInt())
                .isEqualTo(3);
        assertThat(api.postJson(s, CONFIG + "/json/" + id, "{}").get("status").asInt()).isEqualTo(3);
        assertThat(api.postJson(s, "/streamis/streamJobManager/job/ban", "[" + id + "]").get("status").asInt())
                .isEqualTo(3);

        // ACCESS lets the user read but not change.
        long projectId = jdbc.queryForObject("SELECT id FROM linkis_stream_project WHERE live_name='default'",
                Long.class);
        jdbc.update("INSERT INTO linkis_stream_project_privilege (project_id, user_name, privilege) VALUES (?,?,3)",
                projectId, stranger);
        assertThat(api.call(get(ApiTestSupport.API + "/streamis/streamJobManager/job/jobInfo").param("jobId", id)
                .session(s)).get("status").asInt()).isZero();
        assertThat(api.postJson(s, "/streamis/streamJobManager/job/ban", "[" + id + "]").get("status").asInt())
                .isEqualTo(3);
        JsonNode has = api.call(get(ApiTestSupport.API + "/streamis/project/projectPrivilege/hasEditPrivilege")
                .param("projectName", "default").session(s));
        assertThat(has.at("/data/editPrivilege").asBoolean()).isFalse();
    }

    @Test
    void banAndEnableAndLabels() throws Exception {
        long jobId = importJob("default", "ban_" + System.nanoTime());
        assertThat(api.postJson(admin, "/streamis/streamJobManager/job/ban", "[" + jobId + "]").get("status").asInt())
                .isZero();
        JsonNode label = api.postJson(admin, "/streamis/streamJobManager/job/updateLabel",
                "{\"tasks\":[{\"id\":" + jobId + ",\"label\":\"x\"}]}");
        assertThat(label.get("message").asText()).contains("has been banned");
        assertThat(api.postJson(admin, "/streamis/streamJobManager/job/enable", "[" + jobId + "]").get("status")
                .asInt()).isZero();
        assertThat(api.postJson(admin, "/streamis/streamJobManager/job/updateLabel",
                "{\"tasks\":[{\"id\":" + jobId + ",\"label\":\"bad label!\"}]}").get("status").asInt()).isEqualTo(2);
        assertThat(api.postJson(admin, "/streamis/streamJobManager/job/updateLabel",
                "{\"tasks\":[{\"id\":" + jobId + ",\"label\":\"a,b\"}]}").get("status").asInt()).isZero();
    }

    @Test
    void createOrUpdateReferencesProjectFilesByNameAndVersion() throws Exception {
        String project = "files" + System.nanoTime();
        api.postJson(admin, "/streamis/project/createProject", "{\"projectName\":\"" + project + "\"}");
        for (String v : new String[]{"1.0.9", "1.0.10"}) {
            JsonNode up = api.call(multipart(ApiTestSupport.API + "/streamis/streamProjectManager/project/files/upload")
                    .file(new MockMultipartFile("file", "job.sql", "text/plain", ("SELECT " + v).getBytes()))
                    .param("projectName", project).param("version", v).session(admin));
            assertThat(up.get("status").asInt()).as(up.toString()).isZero();
        }
        JsonNode list = api.call(get(ApiTestSupport.API + "/streamis/streamProjectManager/project/files/list")
                .param("projectName", project).session(admin));
        assertThat(list.at("/data/files/0/version").asText()).as("natural order: 1.0.10 > 1.0.9").isEqualTo("1.0.10");
        assertThat(list.at("/data/files/0/md5").asText()).hasSize(32);

        String meta = "{\"projectName\":\"" + project + "\",\"jobName\":\"fromfile\",\"jobType\":\"flink.sql\","
                + "\"jobContent\":{\"type\":\"file\",\"file\":\"%s\"}}";
        JsonNode latest = api.postJson(admin, "/streamis/streamJobManager/job/createOrUpdate", meta.formatted("job.sql"));
        assertThat(latest.get("status").asInt()).as(latest.toString()).isZero();
        long jobId = latest.at("/data/jobId").asLong();
        assertThat(api.call(get(ApiTestSupport.API + "/streamis/streamJobManager/job/jobContent").session(admin)
                .param("jobId", String.valueOf(jobId))).at("/data/jobContent/sql").asText()).isEqualTo("SELECT 1.0.10");
        JsonNode pinned = api.postJson(admin, "/streamis/streamJobManager/job/createOrUpdate",
                meta.formatted("job.sql-1.0.9"));
        assertThat(pinned.at("/data/version").asText()).isEqualTo("v00002");
        assertThat(api.call(get(ApiTestSupport.API + "/streamis/streamJobManager/job/jobContent").session(admin)
                .param("jobId", String.valueOf(jobId))).at("/data/jobContent/sql").asText()).isEqualTo("SELECT 1.0.9");
        JsonNode missing = api.postJson(admin, "/streamis/streamJobManager/job/createOrUpdate",
                meta.formatted("nope.sql"));
        assertThat(missing.get("status").asInt()).isEqualTo(2);
        assertThat(missing.get("message").asText()).contains("nope.sql");
    }

    @Test
    void editingArgsPublishesANewVersionWithTheSameFiles() throws Exception {
        String meta = """
                {"projectName":"default","jobName":"args_%d","jobType":"flink.jar","jobContent":{"main.class.jar":"a.jar",
                 "main.class":"A","args":["--x","1"]},"jobConfig":{"wds.linkis.flink.produce":{}}}""".formatted(System.nanoTime());
        JsonNode r = api.upload(admin, "default", "job.zip", zip().add("meta.json", meta).add("a.jar", "PK").bytes());
        long jobId = r.at("/data/jobId").asLong();
        JsonNode edit = api.postJson(admin, "/streamis/streamJobManager/job/updateContent",
                "{\"jobId\":" + jobId + ",\"args\":[\"--x\",\"2\"]}");
        assertThat(edit.get("status").asInt()).as(edit.toString()).isZero();
        assertThat(edit.at("/data/version").asText()).isEqualTo("v00002");
        assertThat(edit.at("/data/jobContent/args/1").asText()).isEqualTo("2");
        assertThat(edit.at("/data/jobContent/mainClassJar/fileName").asText()).isEqualTo("a.jar");
        assertThat(api.postJson(admin, "/streamis/streamJobManager/job/updateContent",
                "{\"jobId\":" + jobId + ",\"args\":\"--x 3\"}").get("status").asInt()).isEqualTo(2);
    }

    @Test
    void logoutEndsTheSession() throws Exception {
        MockHttpSession s = api.login("admin", "admin-password-1");
        assertThat(api.call(get(ApiTestSupport.API + "/user/userInfo").session(s)).get("status").asInt()).isZero();
        api.call(post(ApiTestSupport.API + "/user/logout").session(s));
        assertThat(api.call(get(ApiTestSupport.API + "/user/userInfo").session(new MockHttpSession()))
                .get("status").asInt()).isEqualTo(-1);
    }
}
