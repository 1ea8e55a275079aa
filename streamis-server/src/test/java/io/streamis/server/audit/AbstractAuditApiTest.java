package io.streamis.server.audit;

import static io.streamis.server.support.Zips.sqlMeta;
import static io.streamis.server.support.Zips.zip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamis.server.identity.UserService;
import io.streamis.server.support.ApiTestSupport;
import java.util.ArrayList;
import java.util.List;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The audit log through the real HTTP boundary and a real database (subclasses: H2, MariaDB): state-changing
 * requests become rows with who, from where, what and how it ended (a refusal with its error code), reads do not,
 * and {@code GET /streamis/audit} shows a non-admin only the rows of their projects and their own logins. A row's
 * message is said in the reader's language, whatever the language of the request it records.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
abstract class AbstractAuditApiTest {

    static final String AUDIT = "/streamis/audit";
    static final String PROJECT = "/streamis/project";

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

    private String unique(String prefix) {
        return prefix + System.nanoTime();
    }

    private JsonNode audit(MockHttpSession who, String... params) throws Exception {
        return auditIn(null, who, params);
    }

    /** The audit log as read by a UI in {@code language} (its {@code Accept-Language}); null sends none. */
    private JsonNode auditIn(String language, MockHttpSession who, String... params) throws Exception {
        MockHttpServletRequestBuilder r = get(ApiTestSupport.API + AUDIT).session(who);
        if (language != null) {
            r.header("Accept-Language", language);
        }
        for (int i = 0; i < params.length; i += 2) {
            r.param(params[i], params[i + 1]);
        }
        JsonNode answer = api.call(r);
        assertThat(answer.get("status").asInt()).as(answer.toString()).isZero();
        return answer.get("data");
    }

    private static List<JsonNode> rows(JsonNode data) {
        List<JsonNode> out = new ArrayList<>();
        data.get("rows").forEach(out::add);
        return out;
    }

    private JsonNode createProject(MockHttpSession who, String name, String editUsers) throws Exception {
        return api.postJson(who, PROJECT + "/createProject", "{\"projectName\":\"" + name + "\",\"releaseUsers\":[],"
                + "\"editUsers\":[" + editUsers + "],\"accessUsers\":[]}");
    }

    @Test
    void aFailedRequestIsAuditedWithItsErrorCodeAndMessage() throws Exception {
        String name = unique("dup");
        assertThat(createProject(admin, name, "").get("status").asInt()).isZero();
        JsonNode refused = createProject(admin, name, "");
        assertThat(refused.get("status").asInt()).isEqualTo(1);

        List<JsonNode> rows = rows(audit(admin, "projectName", name, "action", "PROJECT_CREATE"));
        assertThat(rows).hasSize(2);
        JsonNode failed = rows.get(0); // newest first
        assertThat(failed.get("outcome").asText()).isEqualTo("ERROR");
        assertThat(failed.get("errorCode").asText()).isEqualTo("CONFLICT");
        assertThat(failed.get("message").asText()).isEqualTo(refused.get("message").asText());
        assertThat(failed.get("user").asText()).isEqualTo("admin");
        assertThat(failed.get("remoteAddress").asText()).isEqualTo("127.0.0.1");
        assertThat(failed.get("request").asText()).isEqualTo("POST /streamis/project/createProject");
        assertThat(rows.get(1).get("outcome").asText()).isEqualTo("OK");
        assertThat(rows.get(1).at("/detail/projectId").asLong()).isPositive();

        // A job that does not exist: the stop is refused and audited with NOT_FOUND; the GET stop is a change.
        api.call(get(ApiTestSupport.API + "/streamis/streamJobManager/job/stop").session(admin)
                .param("jobId", "987654321").param("snapshot", "true"));
        JsonNode stop = rows(audit(admin, "jobId", "987654321")).get(0);
        assertThat(stop.get("action").asText()).isEqualTo("STOP");
        assertThat(stop.get("errorCode").asText()).isEqualTo("NOT_FOUND");
        assertThat(stop.at("/detail/snapshot").asText()).isEqualTo("true");
        assertThat(audit(admin, "jobId", "987654321", "outcome", "ok").get("totalPage").asLong()).isZero();
    }

    @Test
    void uploadAndConfigChangeNameTheJobAndProject() throws Exception {
        String project = unique("aud");
        createProject(admin, project, "");
        JsonNode up = api.upload(admin, project, "job.zip",
                zip().add("meta.json", sqlMeta(project, "j1", "SELECT 1", null)).bytes());
        long jobId = up.at("/data/jobId").asLong();
        JsonNode upload = rows(audit(admin, "projectName", project, "action", "UPLOAD")).get(0);
        assertThat(upload.get("jobId").asLong()).isEqualTo(jobId);
        assertThat(upload.at("/detail/file").asText()).isEqualTo("job.zip");
        assertThat(upload.at("/detail/version").asText()).isEqualTo(up.at("/data/version").asText());

        api.postJson(admin, "/streamis/streamJobManager/config/json/" + jobId,
                "{\"wds.linkis.flink.resource\":{\"wds.linkis.flink.app.parallelism\":\"0\"},"
                        + "\"wds.linkis.flink.produce\":{}}");
        JsonNode config = rows(audit(admin, "jobId", String.valueOf(jobId), "action", "CONFIG_CHANGE")).get(0);
        assertThat(config.get("projectName").asText()).as("resolved from the job").isEqualTo(project);
        assertThat(config.get("errorCode").asText()).isEqualTo("VALIDATION");

        // Reads are not audited.
        long before = audit(admin, "jobId", String.valueOf(jobId)).get("totalPage").asLong();
        api.call(get(ApiTestSupport.API + "/streamis/streamJobManager/job/jobInfo").session(admin)
                .param("jobId", String.valueOf(jobId)));
        assertThat(audit(admin, "jobId", String.valueOf(jobId)).get("totalPage").asLong()).isEqualTo(before);
    }

    @Test
    void loginsAndFailedLoginsAreAuditedWithTheNameTried() throws Exception {
        String user = unique("u");
        users.create(user, "right-password-1");
        api.login(user, "right-password-1");
        api.call(post(ApiTestSupport.API + "/user/login").contentType(MediaType.APPLICATION_JSON)
                .content("{\"userName\":\"" + user + "\",\"password\":\"wrong\"}"));

        List<JsonNode> logins = rows(audit(admin, "user", user, "action", "LOGIN"));
        assertThat(logins).extracting(r -> r.get("outcome").asText()).containsExactly("ERROR", "OK");
        assertThat(logins.get(0).get("errorCode").asText()).isEqualTo("NOT_LOGGED_IN");
        assertThat(logins.get(0).get("remoteAddress").asText()).isEqualTo("127.0.0.1");
        assertThat(logins.get(0).toString()).doesNotContain("wrong");
    }

    @Test
    void aNonAdminReadsOnlyTheirProjectsRowsAndTheirOwnLogins() throws Exception {
        String alice = unique("alice");
        String bob = unique("bob");
        users.create(alice, "alice-password-1");
        users.create(bob, "bob-password-1");
        MockHttpSession aliceSession = api.login(alice, "alice-password-1");
        MockHttpSession bobSession = api.login(bob, "bob-password-1");
        String pa = unique("pa");
        String pb = unique("pb");
        createProject(admin, pa, "\"" + alice + "\"");
        createProject(admin, pb, "\"" + bob + "\"");
        JsonNode failedForBob = api.postJson(bobSession, "/streamis/streamJobManager/config/copy?jobId=1&fromJobId=2",
                "{}");
        assertThat(failedForBob.get("status").asInt()).isNotZero();

        List<JsonNode> seen = rows(audit(aliceSession, "pageSize", "500"));
        assertThat(seen).extracting(r -> r.path("projectName").asText(null)).contains(pa).doesNotContain(pb);
        assertThat(seen).allSatisfy(r -> {
            if (r.get("projectName").isNull()) {
                assertThat(r.get("user").asText()).isEqualTo(alice);
            } else {
                assertThat(r.get("projectName").asText()).isEqualTo(pa);
            }
        });
        assertThat(seen).anySatisfy(r -> assertThat(r.get("action").asText()).isEqualTo("LOGIN"));
        assertThat(audit(aliceSession, "projectName", pb).get("totalPage").asLong())
                .as("a filter cannot widen what a non-admin sees").isZero();
        assertThat(audit(aliceSession, "user", bob).get("totalPage").asLong()).isZero();

        // The privilege change itself: who got which privilege on pa.
        JsonNode grant = rows(audit(admin, "projectName", pa, "action", "PROJECT_CREATE")).get(0);
        assertThat(grant.at("/detail/editUsers/0").asText()).isEqualTo(alice);
        assertThat(audit(admin, "user", bob).get("totalPage").asLong()).as("admins read everything")
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void filtersAndPagingAndBadFiltersAreRefused() throws Exception {
        String name = unique("pg");
        for (int i = 0; i < 3; i++) {
            createProject(admin, name + i, "");
        }
        JsonNode page = audit(admin, "action", "PROJECT_CREATE", "pageSize", "2", "pageNow", "1",
                "from", "2000-01-01", "to", "2999-12-31 23:59:59");
        assertThat(page.get("rows")).hasSize(2);
        assertThat(page.get("totalPage").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(audit(admin, "from", "2999-01-01").get("totalPage").asLong()).isZero();

        JsonNode bad = api.call(get(ApiTestSupport.API + AUDIT).session(admin).param("action", "EXPLODE"));
        assertThat(bad.get("status").asInt()).isEqualTo(2);
        assertThat(bad.get("message").asText()).contains("action must be one of");
        bad = api.call(get(ApiTestSupport.API + AUDIT).session(admin).param("from", "yesterday"));
        assertThat(bad.get("message").asText()).contains("from must be");
        JsonNode zh = api.call(get(ApiTestSupport.API + AUDIT).session(admin).param("from", "yesterday")
                .header("Accept-Language", "zh-CN"));
        assertThat(zh.get("message").asText())
                .isEqualTo("from 的格式必须是 yyyy-MM-dd HH:mm:ss 或 yyyy-MM-dd，而不是 'yesterday'");
        zh = api.call(get(ApiTestSupport.API + AUDIT).session(admin).param("outcome", "MAYBE")
                .header("Accept-Language", "zh-CN"));
        assertThat(zh.get("message").asText()).isEqualTo("结果只能是 OK 或 ERROR");
    }

    @Test
    void theQueryStringIsNeverRecorded() throws Exception {
        String name = unique("qs");
        api.call(post(ApiTestSupport.API + PROJECT + "/createProject?dssurl=http%3A%2F%2Fdss&cookies="
                + "linkis_user_session_ticket_id_v1%3DSECRET-TICKET&workspace=w&appName=streamis").session(admin)
                .contentType(MediaType.APPLICATION_JSON).content("{\"projectName\":\"" + name + "\"}"));
        JsonNode row = rows(audit(admin, "projectName", name)).get(0);
        assertThat(row.get("outcome").asText()).as("DSS's extra parameters are accepted").isEqualTo("OK");
        assertThat(row.toString()).doesNotContain("SECRET-TICKET").doesNotContain("dssurl");
    }

    /** Alert channels reach people and the catalogue explains failures: their edits are named, a dry match is not. */
    @Test
    void alertChannelAndFailureCatalogueEditsAreNamedAndADiagnosisMatchIsNotRecorded() throws Exception {
        String channel = unique("hook");
        JsonNode created = api.postJson(admin, "/streamis/streamJobManager/alert/channels", "{\"projectName\":"
                + "\"default\",\"name\":\"" + channel + "\",\"type\":\"WEBHOOK\","
                + "\"target\":\"http://127.0.0.1:9/hook\"}");
        assertThat(created.get("status").asInt()).as(created.toString()).isZero();
        long channelId = created.at("/data/channel/id").asLong();
        api.call(delete(ApiTestSupport.API + "/streamis/streamJobManager/alert/channels/" + channelId).session(admin));

        String code = unique("AUDITED_");
        JsonNode pattern = api.postJson(admin, "/streamis/streamJobManager/diagnosis/patterns", "{\"errorCode\":\""
                + code + "\",\"errorType\":\"APP\",\"priority\":1,\"errorRegex\":\"" + code + "\","
                + "\"errorDesc\":\"测试\",\"errorDescEn\":\"test\",\"solution\":\"无\",\"solutionEn\":\"none\"}");
        assertThat(pattern.get("status").asInt()).as(pattern.toString()).isZero();
        String matchLine = "POST /streamis/streamJobManager/diagnosis/match";
        int matchesBefore = jdbc.queryForObject("SELECT COUNT(*) FROM streamis_audit_log WHERE request = ?",
                Integer.class, matchLine);
        assertThat(api.postJson(admin, "/streamis/streamJobManager/diagnosis/match", "{\"text\":\"" + code + "\"}")
                .get("status").asInt()).isZero();

        List<JsonNode> channelRows = rows(audit(admin, "action", "ALERT_CHANNEL_CHANGE", "user", "admin"));
        assertThat(channelRows).extracting(r -> r.get("request").asText()).startsWith(
                "DELETE /streamis/streamJobManager/alert/channels/" + channelId,
                "POST /streamis/streamJobManager/alert/channels");
        assertThat(channelRows.get(1).get("projectName").asText()).isEqualTo("default");
        assertThat(rows(audit(admin, "action", "FAILURE_PATTERN_CHANGE", "user", "admin")).get(0).get("request")
                .asText()).isEqualTo("POST /streamis/streamJobManager/diagnosis/patterns");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM streamis_audit_log WHERE request = ?", Integer.class,
                matchLine)).as("a diagnosis of a pasted text changes nothing").isEqualTo(matchesBefore);
    }

    @Test
    void aMessageIsReadInTheReadersLanguageNotInTheCallersOne() throws Exception {
        // A Chinese UI's failed login, read by an English reader and a Chinese one.
        String user = unique("zh");
        users.create(user, "right-password-1");
        JsonNode refused = api.call(post(ApiTestSupport.API + "/user/login").header("Accept-Language", "zh-CN")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"userName\":\"" + user + "\",\"password\":\"wrong\"}"));
        assertThat(refused.get("message").asText()).isEqualTo("用户名或密码错误");
        assertThat(rows(auditIn("en", admin, "user", user)).get(0).get("message").asText())
                .isEqualTo("Wrong user name or password");
        assertThat(rows(auditIn("zh-CN", admin, "user", user)).get(0).get("message").asText())
                .isEqualTo("用户名或密码错误");
        assertThat(rows(audit(admin, "user", user)).get(0).get("message").asText())
                .as("no Accept-Language: English, as 0.3.x clients read it").isEqualTo("Wrong user name or password");

        // An English caller's refused upload, whose message places values, read in Chinese and in English.
        String project = unique("lang");
        createProject(admin, project, "");
        JsonNode differs = api.call(multipart(ApiTestSupport.API + "/streamis/streamJobManager/job/upload")
                .file(new MockMultipartFile("file", "job.zip", "application/zip",
                        zip().add("meta.json", sqlMeta("elsewhere", "j1", "SELECT 1", null)).bytes()))
                .param("projectName", project).session(admin).header("Accept-Language", "en"));
        assertThat(differs.get("status").asInt()).isEqualTo(2);
        JsonNode zh = rows(auditIn("zh-CN", admin, "projectName", project, "action", "UPLOAD")).get(0);
        assertThat(zh.get("errorCode").asText()).isEqualTo("VALIDATION");
        assertThat(zh.get("message").asText())
                .isEqualTo("meta.json 的 projectName 'elsewhere' 与上传到的项目（'" + project + "'）不一致");
        assertThat(rows(auditIn("en", admin, "projectName", project, "action", "UPLOAD")).get(0).get("message")
                .asText()).isEqualTo(differs.get("message").asText())
                .isEqualTo("meta.json projectName 'elsewhere' differs from the project you upload to ('" + project
                        + "')");
    }

    @Test
    void aRowWrittenBeforeKeysExistedShowsItsStoredText() throws Exception {
        // As an earlier version wrote it: the message in the language of its request, no key.
        String user = unique("old");
        jdbc.update("INSERT INTO streamis_audit_log (event_time, user_name, remote_addr, request, action, outcome,"
                + " error_code, message) VALUES (CURRENT_TIMESTAMP, ?, '127.0.0.1', 'POST /user/login', 'LOGIN',"
                + " 'ERROR', 'NOT_LOGGED_IN', '用户名或密码错误')", user);
        for (String language : new String[] {"en", "zh-CN"}) {
            JsonNode row = rows(auditIn(language, admin, "user", user)).get(0);
            assertThat(row.get("message").asText()).as(language).isEqualTo("用户名或密码错误");
            assertThat(row.get("errorCode").asText()).isEqualTo("NOT_LOGGED_IN");
        }
    }
}
