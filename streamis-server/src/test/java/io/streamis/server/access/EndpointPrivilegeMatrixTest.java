package io.streamis.server.access;

import static io.streamis.server.support.Zips.sqlMeta;
import static io.streamis.server.support.Zips.zip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamis.common.error.ErrorCode;
import io.streamis.server.identity.UserService;
import io.streamis.server.support.ApiTestSupport;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.mock.web.MockServletContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Every endpoint of the API (jobs, config, bulk, files, logs, snapshots, projects, alerts, diagnosis, audit, users and
 * the 0.3.x page-load ones), called as each kind of caller, with the
 * envelope status each must get: -1 for the anonymous caller, 3 for a caller without the right, and for a caller
 * with the right anything but 3 or -1 (the call may still fail for its own reasons, e.g. no Flink here).
 *
 * <p>Callers: the job's OWNER (its creator, with no project privilege), EDIT and ACCESS on its project, a VISIBLE
 * user named in the job's {@code authority.visible} (a read grant only), a STRANGER and the ANONYMOUS caller.
 * Rows run in table order and callers in enum order, EDIT last, so the destructive rows (ban, delete) end with
 * the caller allowed to do them.
 *
 * <p>The table is checked for completeness against the endpoints the server maps ({@link #everyEndpointHasARow()}),
 * and every state-changing row is also sent from a foreign page, which must be refused
 * ({@link #everyStateChangingEndpointRefusesAForeignOrigin()}).
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndpointPrivilegeMatrixTest {

    enum Caller { ANONYMOUS, STRANGER, VISIBLE, ACCESS, OWNER, EDIT }

    static final String JOB = ApiTestSupport.API + "/streamis/streamJobManager/job";
    static final String CONFIG = ApiTestSupport.API + "/streamis/streamJobManager/config";
    static final String FILES = ApiTestSupport.API + "/streamis/streamProjectManager/project/files";
    static final String PROJECT = ApiTestSupport.API + "/streamis/project";
    static final String ALERT = ApiTestSupport.API + "/streamis/streamJobManager/alert";
    static final String DIAGNOSIS = ApiTestSupport.API + "/streamis/streamJobManager/diagnosis";
    static final String JOB_MANAGER = ApiTestSupport.API + "/streamis/streamJobManager";
    static final String USER = ApiTestSupport.API + "/user";
    static final String FOREIGN_ORIGIN = "https://evil.example";

    /** The 0.3.x GETs that change state (kept for 0.3.x clients): an {@code <img src>} on a foreign page sends them. */
    static final Set<String> STATE_CHANGING_GETS = Set.of("GET job/stop", "GET files/delete", "GET files/version/delete");

    /**
     * Endpoints with no row in {@link #rows()}, each with the reason; every other endpoint of the server must have a
     * row, so a new endpoint fails {@link #everyEndpointHasARow()} until its rule is written down here.
     */
    static final Map<String, String> NOT_IN_THE_TABLE = Map.of(
            "POST /api/rest_j/v1/user/login", "anonymous by design (CrossSiteAndLoginApiTest)",
            "POST /api/rest_j/v1/user/logout", "ends the caller's own session, whoever it is",
            "GET /api/rest_j/v1/user/session", "anonymous by design: the UI's 'am I logged in' probe",
            "GET /api/rest_j/v1/user/publicKey", "anonymous by design: asked by the 0.3.x login page",
            "GET /api/rest_j/v1/streamis/health", "anonymous by design: liveness",
            "POST /api/rest_j/v1/streamis/streamJobManager/job/bulk/execution",
            "per item: bulkItemsRunOnlyForCallersWhoMayOperateTheJob",
            "POST /api/rest_j/v1/streamis/streamJobManager/job/bulk/pause",
            "per item: bulkItemsRunOnlyForCallersWhoMayOperateTheJob");

    static final Set<Caller> READ_JOB = EnumSet.of(Caller.OWNER, Caller.EDIT, Caller.ACCESS, Caller.VISIBLE);
    static final Set<Caller> WRITE_JOB = EnumSet.of(Caller.OWNER, Caller.EDIT);
    static final Set<Caller> READ_PROJECT = EnumSet.of(Caller.EDIT, Caller.ACCESS);
    static final Set<Caller> WRITE_PROJECT = EnumSet.of(Caller.EDIT);
    static final Set<Caller> ANY_USER = EnumSet.complementOf(EnumSet.of(Caller.ANONYMOUS));
    static final Set<Caller> NOBODY = EnumSet.noneOf(Caller.class);

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired UserService users;
    @Autowired JdbcTemplate jdbc;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping handlerMapping;

    ApiTestSupport api;
    final Map<Caller, MockHttpSession> sessions = new EnumMap<>(Caller.class);
    String project;
    long projectId;
    long jobId;
    /** Same owner and grants, but banned: start-like calls stop at "banned" after the privilege check, so no
     * Flink cluster is started by a test about privileges. */
    long bannedJobId;
    String version;
    long fileId;
    String fileName;
    long otherFileVersionId;
    long bulkId;
    String visibleUser;
    long channelId;
    long deliveryId;

    @BeforeAll
    void fixture() throws Exception {
        api = new ApiTestSupport(mvc, json);
        MockHttpSession admin = api.login("admin", "admin-password-1");
        String suffix = String.valueOf(System.nanoTime());
        Map<Caller, String> names = new EnumMap<>(Caller.class);
        for (Caller c : Caller.values()) {
            if (c != Caller.ANONYMOUS) {
                names.put(c, c.name().toLowerCase() + suffix);
                users.create(names.get(c), "password-" + c);
                sessions.put(c, api.login(names.get(c), "password-" + c));
            }
        }
        visibleUser = names.get(Caller.VISIBLE);
        project = "matrix" + suffix;
        JsonNode p = api.postJson(admin, "/streamis/project/createProject", "{\"projectName\":\"" + project
                + "\",\"editUsers\":[\"" + names.get(Caller.EDIT) + "\"],\"accessUsers\":[\""
                + names.get(Caller.ACCESS) + "\"]}");
        assertThat(p.get("status").asInt()).as(p.toString()).isZero();
        projectId = p.at("/data/projectId").asLong();

        JsonNode up = api.upload(admin, project, "job.zip",
                zip().add("meta.json", sqlMeta(project, "guarded", "SELECT 1", null)).bytes());
        assertThat(up.get("status").asInt()).as(up.toString()).isZero();
        jobId = up.at("/data/jobId").asLong();
        version = up.at("/data/version").asText();
        JsonNode up2 = api.upload(admin, project, "job.zip",
                zip().add("meta.json", sqlMeta(project, "guarded_banned", "SELECT 1", null)).bytes());
        bannedJobId = up2.at("/data/jobId").asLong();
        for (long j : List.of(jobId, bannedJobId)) {
            // The owner is the job's creator; giving it no project privilege shows what owning alone allows.
            jdbc.update("UPDATE linkis_stream_job SET create_by = ? WHERE id = ?", names.get(Caller.OWNER), j);
            JsonNode visible = api.postJson(admin, "/streamis/streamJobManager/config/json/" + j,
                    "{\"wds.linkis.flink.produce\":{},\"wds.linkis.flink.authority\":{"
                            + "\"wds.linkis.flink.authority.visible\":\"" + names.get(Caller.VISIBLE) + "\"}}");
            assertThat(visible.get("status").asInt()).as(visible.toString()).isZero();
        }
        assertThat(api.postJson(admin, "/streamis/streamJobManager/job/ban", "[" + bannedJobId + "]")
                .get("status").asInt()).isZero();

        fileName = "lib" + suffix + ".jar";
        fileId = uploadFile(Caller.EDIT, fileName, "1.0.0");
        otherFileVersionId = uploadFile(Caller.EDIT, "other" + suffix + ".jar", "1.0.0");
        JsonNode bulk = api.postJson(sessions.get(Caller.EDIT), "/streamis/streamJobManager/job/bulk/pause",
                "{\"bulk_sbj\":[" + jobId + "]}");
        assertThat(bulk.get("status").asInt()).as(bulk.toString()).isZero();
        bulkId = bulk.at("/data/bulkId").asLong();
        // A closed local port: a test send fails fast (delivered=false), which is still an allowed call.
        JsonNode channel = api.postJson(admin, "/streamis/streamJobManager/alert/channels", "{\"projectName\":\""
                + project + "\",\"name\":\"matrix\",\"type\":\"WEBHOOK\",\"target\":\"http://127.0.0.1:9/x\"}");
        assertThat(channel.get("status").asInt()).as(channel.toString()).isZero();
        channelId = channel.at("/data/channel/id").asLong();
        // A delivery that was given up: what an EDIT user may put back in line.
        jdbc.update("INSERT INTO streamis_alert_outbox (channel_id, kind, payload, status, attempts, next_attempt_at)"
                + " VALUES (?, 'TEST', '{\"kind\":\"TEST\",\"title\":\"matrix\"}', 'FAILED', 5, CURRENT_TIMESTAMP)",
                channelId);
        deliveryId = jdbc.queryForObject("SELECT MAX(id) FROM streamis_alert_outbox WHERE channel_id = ?", Long.class,
                channelId);
    }

    private long uploadFile(Caller who, String name, String v) throws Exception {
        JsonNode f = api.call(multipart(FILES + "/upload").file(new MockMultipartFile("file", name,
                "application/octet-stream", new byte[] {1, 2, 3})).param("projectName", project)
                .param("version", v).session(sessions.get(who)));
        assertThat(f.get("status").asInt()).as(f.toString()).isZero();
        return f.at("/data/file/id").asLong();
    }

    /** One endpoint: how to call it, and who may. */
    record Row(String name, Supplier<MockHttpServletRequestBuilder> request, Set<Caller> allowed) {
    }

    private List<Row> rows() {
        String id = String.valueOf(jobId);
        String banned = String.valueOf(bannedJobId);
        String idList = "{\"id_list\":[" + jobId + "]}";
        String visibleConfig = "{\"wds.linkis.flink.produce\":{},\"wds.linkis.flink.authority\":{"
                + "\"wds.linkis.flink.authority.visible\":\"" + visibleUser + "\"}}";
        List<Row> rows = new ArrayList<>();
        // Job reads
        rows.add(new Row("GET job/jobInfo", () -> get(JOB + "/jobInfo").param("jobId", id), READ_JOB));
        rows.add(new Row("GET job/{id}/versions", () -> get(JOB + "/" + id + "/versions"), READ_JOB));
        rows.add(new Row("GET job/version", () -> get(JOB + "/version").param("jobId", id)
                .param("version", version), READ_JOB));
        rows.add(new Row("GET job/jobContent", () -> get(JOB + "/jobContent").param("jobId", id), READ_JOB));
        rows.add(new Row("PUT job/status", () -> put(JOB + "/status").contentType(MediaType.APPLICATION_JSON)
                .content(idList), READ_JOB));
        rows.add(new Row("GET job/progress", () -> get(JOB + "/progress").param("jobId", id), READ_JOB));
        rows.add(new Row("GET job/execute/history", () -> get(JOB + "/execute/history").param("jobId", id),
                READ_JOB));
        rows.add(new Row("GET job/execute/errorMsg", () -> get(JOB + "/execute/errorMsg").param("jobId", id),
                READ_JOB));
        rows.add(new Row("GET job/details", () -> get(JOB + "/details").param("jobId", id), READ_JOB));
        rows.add(new Row("GET job/logs", () -> get(JOB + "/logs").param("jobId", id).param("logType", "client"),
                READ_JOB));
        rows.add(new Row("GET job/snapshots", () -> get(JOB + "/snapshots").param("jobId", id), READ_JOB));
        rows.add(new Row("GET job/alert", () -> get(JOB + "/alert").param("jobId", id), READ_JOB));
        rows.add(new Row("GET alert/incidents", () -> get(ALERT + "/incidents").param("jobId", id), READ_JOB));
        rows.add(new Row("GET config/json", () -> get(CONFIG + "/json/" + id), READ_JOB));
        rows.add(new Row("GET config/view", () -> get(CONFIG + "/view").param("jobId", id), READ_JOB));
        rows.add(new Row("GET config/definitions", () -> get(CONFIG + "/definitions"), ANY_USER));
        // Job writes
        rows.add(new Row("PUT job/execute/inspect", () -> put(JOB + "/execute/inspect").param("jobId", banned),
                WRITE_JOB));
        rows.add(new Row("POST job/execute", () -> post(JOB + "/execute").contentType(MediaType.APPLICATION_JSON)
                .content("{\"jobId\":" + banned + "}"), WRITE_JOB));
        rows.add(new Row("GET job/stop", () -> get(JOB + "/stop").param("jobId", id), WRITE_JOB));
        rows.add(new Row("PUT job/snapshot/{id}", () -> put(JOB + "/snapshot/" + id), WRITE_JOB));
        // Nothing is marked on this job: an allowed caller gets "not marked" (1), never 3.
        rows.add(new Row("POST job/snapshots/clearRefused", () -> post(JOB + "/snapshots/clearRefused")
                .contentType(MediaType.APPLICATION_JSON).content("{\"jobId\":" + id + ",\"path\":\"/nowhere\"}"),
                WRITE_JOB));
        rows.add(new Row("POST job/updateContent", () -> post(JOB + "/updateContent")
                .contentType(MediaType.APPLICATION_JSON).content("{\"jobId\":" + id + ",\"args\":[\"a\"]}"),
                WRITE_JOB));
        rows.add(new Row("POST job/updateLabel", () -> post(JOB + "/updateLabel")
                .contentType(MediaType.APPLICATION_JSON).content("{\"tasks\":[{\"id\":" + id + ",\"label\":\"l\"}]}"),
                WRITE_JOB));
        // Saving keeps the visible user listed, so the rows after this one still test a VISIBLE caller.
        rows.add(new Row("POST config/json", () -> post(CONFIG + "/json/" + id).contentType(MediaType.APPLICATION_JSON)
                .content(visibleConfig), WRITE_JOB));
        rows.add(new Row("POST config/copy", () -> post(CONFIG + "/copy").param("jobId", id)
                .param("fromJobId", id), WRITE_JOB));
        rows.add(new Row("POST job/ban", () -> post(JOB + "/ban").contentType(MediaType.APPLICATION_JSON)
                .content("[" + id + "]"), WRITE_JOB));
        rows.add(new Row("POST job/enable", () -> post(JOB + "/enable").contentType(MediaType.APPLICATION_JSON)
                .content("[" + id + "]"), WRITE_JOB));
        // Bulk: the envelope is 0 for every user (items are independent); the rights show per item (see below).
        rows.add(new Row("GET job/bulk/{id}", () -> get(JOB + "/bulk/" + bulkId), EnumSet.of(Caller.EDIT)));
        // Project level
        rows.add(new Row("GET job/list", () -> get(JOB + "/list").param("projectName", project), ANY_USER));
        // Anyone logged in reads the audit log; what each sees is filtered (AbstractAuditApiTest).
        rows.add(new Row("GET audit", () -> get(ApiTestSupport.API + "/streamis/audit"), ANY_USER));
        rows.add(new Row("POST job/upload", () -> multipart(JOB + "/upload").file(new MockMultipartFile("file",
                "job.zip", "application/zip", zip().add("meta.json", sqlMeta(project, "guarded", "SELECT 2", null))
                .bytes())).param("projectName", project), WRITE_PROJECT));
        rows.add(new Row("POST job/createOrUpdate", () -> post(JOB + "/createOrUpdate")
                .contentType(MediaType.APPLICATION_JSON).content(sqlMeta(project, "guarded", "SELECT 3", null)),
                WRITE_PROJECT));
        rows.add(new Row("GET files/list", () -> get(FILES + "/list").param("projectName", project),
                READ_PROJECT));
        rows.add(new Row("GET files/version/list", () -> get(FILES + "/version/list").param("projectName", project)
                .param("fileName", fileName), READ_PROJECT));
        rows.add(new Row("GET files/download", () -> get(FILES + "/download").param("id",
                String.valueOf(fileId)), READ_PROJECT));
        rows.add(new Row("POST files/upload", () -> multipart(FILES + "/upload").file(new MockMultipartFile("file",
                "up.jar", "application/octet-stream", new byte[] {4})).param("projectName", project)
                .param("version", "9.9.9"), WRITE_PROJECT));
        rows.add(new Row("GET files/version/delete", () -> get(FILES + "/version/delete").param("ids",
                String.valueOf(otherFileVersionId)), WRITE_PROJECT));
        rows.add(new Row("GET files/delete", () -> get(FILES + "/delete").param("projectName", project)
                .param("fileName", fileName), WRITE_PROJECT));
        // Alerts: channels are the project's (ACCESS reads, EDIT changes), incidents the job's.
        String channelBody = "{\"projectName\":\"" + project + "\",\"name\":\"m2\",\"type\":\"WEBHOOK\","
                + "\"target\":\"http://127.0.0.1:9/y\"}";
        rows.add(new Row("GET alert/channels", () -> get(ALERT + "/channels").param("projectName", project),
                READ_PROJECT));
        rows.add(new Row("GET alert/deliveries", () -> get(ALERT + "/deliveries").param("projectName", project),
                READ_PROJECT));
        rows.add(new Row("POST alert/channels", () -> post(ALERT + "/channels").contentType(MediaType.APPLICATION_JSON)
                .content(channelBody), WRITE_PROJECT));
        rows.add(new Row("PUT alert/channels/{id}", () -> put(ALERT + "/channels/" + channelId)
                .contentType(MediaType.APPLICATION_JSON).content(channelBody.replace("m2", "matrix")), WRITE_PROJECT));
        rows.add(new Row("POST alert/channels/{id}/test", () -> post(ALERT + "/channels/" + channelId + "/test"),
                WRITE_PROJECT));
        rows.add(new Row("POST alert/deliveries/{id}/retry", () -> post(ALERT + "/deliveries/" + deliveryId
                + "/retry"), WRITE_PROJECT));
        rows.add(new Row("DELETE alert/channels/{id}", () -> delete(ALERT + "/channels/" + channelId),
                WRITE_PROJECT));
        // Diagnosis: everyone reads the catalogue and tries a text; only admins edit it.
        rows.add(new Row("GET diagnosis/patterns", () -> get(DIAGNOSIS + "/patterns"), ANY_USER));
        rows.add(new Row("POST diagnosis/match", () -> post(DIAGNOSIS + "/match")
                .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"OutOfMemoryError: Metaspace\"}"),
                ANY_USER));
        rows.add(new Row("POST diagnosis/patterns", () -> post(DIAGNOSIS + "/patterns")
                .contentType(MediaType.APPLICATION_JSON).content("{\"errorCode\":\"X\",\"errorRegex\":\"x\","
                        + "\"errorDesc\":\"x\"}"), NOBODY));
        rows.add(new Row("PUT diagnosis/patterns/{id}", () -> put(DIAGNOSIS + "/patterns/1")
                .contentType(MediaType.APPLICATION_JSON).content("{\"errorCode\":\"X\",\"errorRegex\":\"x\","
                        + "\"errorDesc\":\"x\"}"), NOBODY));
        rows.add(new Row("DELETE diagnosis/patterns/{id}", () -> delete(DIAGNOSIS + "/patterns/1"), NOBODY));
        // The 0.3.x page-load endpoints: any user; what each sees is filtered (CompatEndpointsApiTest).
        rows.add(new Row("GET project/core/target", () -> get(JOB_MANAGER + "/project/core/target")
                .param("projectName", project), ANY_USER));
        rows.add(new Row("GET highAvailable/username", () -> get(JOB_MANAGER + "/highAvailable/username"),
                ANY_USER));
        rows.add(new Row("GET highAvailable/getHAMsg", () -> get(JOB_MANAGER + "/highAvailable/getHAMsg"),
                ANY_USER));
        rows.add(new Row("GET config/getWorkspaceUsers", () -> get(CONFIG + "/getWorkspaceUsers")
                .param("projectName", project), ANY_USER));
        rows.add(new Row("GET dss getBaseInfo", () -> get(ApiTestSupport.API + "/dss/framework/workspace/getBaseInfo"),
                ANY_USER));
        rows.add(new Row("GET user/userInfo", () -> get(USER + "/userInfo"), ANY_USER));
        rows.add(new Row("POST user/create", () -> post(USER + "/create").contentType(MediaType.APPLICATION_JSON)
                .content("{\"userName\":\"made" + System.nanoTime() + "\",\"password\":\"made-password-1\"}"),
                NOBODY));
        // Anyone logged in creates a project (and holds RELEASE on it); a new name each call.
        rows.add(new Row("POST project/createProject", () -> post(PROJECT + "/createProject")
                .contentType(MediaType.APPLICATION_JSON).content("{\"projectName\":\"made" + System.nanoTime()
                        + "\"}"), ANY_USER));
        rows.add(new Row("GET project/list", () -> get(PROJECT + "/list"), ANY_USER));
        rows.add(new Row("GET project/searchProject", () -> get(PROJECT + "/searchProject")
                .param("projectName", project), ANY_USER));
        for (String which : List.of("Release", "Edit", "Access")) {
            rows.add(new Row("GET has" + which + "Privilege", () -> get(PROJECT + "/projectPrivilege/has" + which
                    + "Privilege").param("projectName", project), ANY_USER));
            rows.add(new Row("GET bulk/has" + which + "Privilege", () -> get(PROJECT + "/projectPrivilege/bulk/has"
                    + which + "Privilege").param("projectNames", project), ANY_USER));
        }
        rows.add(new Row("GET getProjectPrivilege", () -> get(PROJECT + "/projectPrivilege/getProjectPrivilege")
                .param("projectName", project), ANY_USER));
        rows.add(new Row("PUT project/updateProject", () -> put(PROJECT + "/updateProject")
                .contentType(MediaType.APPLICATION_JSON).content("{\"projectId\":" + projectId + ",\"projectName\":\""
                        + project + "\"}"), NOBODY));
        rows.add(new Row("DELETE project/deleteProject", () -> delete(PROJECT + "/deleteProject")
                .param("projectId", String.valueOf(projectId)), NOBODY));
        return rows;
    }

    @Test
    void everyEndpointAnswersEachCallerAsItsRuleSays() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Row row : rows()) {
            for (Caller c : Caller.values()) {
                MockHttpServletRequestBuilder req = row.request().get();
                if (c != Caller.ANONYMOUS) {
                    req.session(sessions.get(c));
                }
                int status = envelopeStatus(req);
                String expected = c == Caller.ANONYMOUS ? "-1" : row.allowed().contains(c) ? "allowed" : "3";
                boolean ok = switch (expected) {
                    case "-1" -> status == -1;
                    case "3" -> status == 3;
                    default -> status != 3 && status != -1;
                };
                if (!ok) {
                    wrong.add(row.name() + " as " + c + ": expected " + expected + ", got " + status);
                }
            }
        }
        assertThat(wrong).as("endpoints answering a caller against their rule").isEmpty();
    }

    /**
     * Every state-changing endpoint (any method but GET, and {@link #STATE_CHANGING_GETS}) refuses a caller who holds
     * the right but whose request comes from a foreign page; reads answer it.
     */
    @Test
    void everyStateChangingEndpointRefusesAForeignOrigin() throws Exception {
        List<String> wrong = new ArrayList<>();
        int stateChanging = 0;
        for (Row row : rows()) {
            MockHttpServletRequestBuilder req = row.request().get().session(sessions.get(Caller.EDIT))
                    .header("Origin", FOREIGN_ORIGIN);
            boolean changes = !"GET".equals(request(row).getMethod()) || STATE_CHANGING_GETS.contains(row.name());
            JsonNode answer = answer(req);
            boolean refused = answer != null
                    && ErrorCode.CROSS_SITE_REFUSED.name().equals(answer.at("/data/errorCode").asText());
            if (changes) {
                stateChanging++;
            }
            if (changes != refused) {
                wrong.add(row.name() + (changes ? " was not refused: " : " was refused: ") + answer);
            }
        }
        assertThat(wrong).as("endpoints answering a foreign origin against the rule").isEmpty();
        assertThat(stateChanging).as("state-changing rows").isGreaterThan(25);
    }

    /** The table is complete: every endpoint the server maps has a row, or a reason in {@link #NOT_IN_THE_TABLE}. */
    @Test
    void everyEndpointHasARow() throws Exception {
        Set<Method> covered = new HashSet<>();
        for (Row row : rows()) {
            covered.add(handler(row).getMethod());
        }
        List<String> missing = new ArrayList<>();
        Set<String> exempted = new HashSet<>();
        handlerMapping.getHandlerMethods().forEach((info, method) -> {
            if (!method.getBeanType().getPackageName().startsWith("io.streamis")) {
                return; // Spring's own (error page, OpenAPI): not ours to table
            }
            for (String endpoint : endpoints(info)) {
                if (NOT_IN_THE_TABLE.containsKey(endpoint)) {
                    exempted.add(endpoint);
                } else if (!covered.contains(method.getMethod())) {
                    missing.add(endpoint);
                }
            }
        });
        assertThat(missing).as("endpoints with no row in the privilege table").isEmpty();
        assertThat(exempted).as("exemptions that name no endpoint any more").containsExactlyInAnyOrderElementsOf(
                NOT_IN_THE_TABLE.keySet());
    }

    private static List<String> endpoints(RequestMappingInfo info) {
        Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
        List<String> out = new ArrayList<>();
        for (String m : methods.isEmpty() ? List.of("ANY") : methods.stream().map(Enum::name).toList()) {
            for (String pattern : info.getPatternValues()) {
                out.add(m + " " + pattern);
            }
        }
        return out;
    }

    /**
     * A zip is not read before the caller's right on the target project is known: bytes that are no zip at all get
     * "no privilege" from a caller without EDIT, and only a caller with EDIT learns what is wrong with the package.
     */
    @Test
    void anUploadIsRefusedOnPrivilegeBeforeItsBytesAreRead() throws Exception {
        for (Caller c : Caller.values()) {
            if (c == Caller.ANONYMOUS) {
                continue;
            }
            JsonNode r = api.call(multipart(JOB + "/upload").file(new MockMultipartFile("file", "job.zip",
                    "application/zip", "not a zip".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    .param("projectName", project).session(sessions.get(c)));
            if (WRITE_PROJECT.contains(c)) {
                assertThat(r.get("status").asInt()).as(c + ": " + r).isNotIn(0, 3, -1);
                assertThat(r.get("message").asText()).as(c + ": " + r).contains("not a zip");
            } else {
                assertThat(r.get("status").asInt()).as(c + ": " + r).isEqualTo(3);
                assertThat(r.get("message").asText()).as(c + ": " + r).contains("needs EDIT privilege")
                        .doesNotContain("zip");
            }
        }
    }

    private MockHttpServletRequest request(Row row) {
        MockHttpServletRequest r = row.request().get().buildRequest(new MockServletContext());
        ServletRequestPathUtils.parseAndCache(r);
        return r;
    }

    /** The controller method a row's request reaches. */
    private HandlerMethod handler(Row row) throws Exception {
        HandlerExecutionChain chain = handlerMapping.getHandler(request(row));
        assertThat(chain).as(row.name() + " maps to no endpoint").isNotNull();
        return (HandlerMethod) chain.getHandler();
    }

    /** Bulk requests are accepted for anyone logged in; each item runs only for a caller who may operate it. */
    @Test
    void bulkItemsRunOnlyForCallersWhoMayOperateTheJob() throws Exception {
        for (String action : List.of("pause", "execution")) {
            long subject = action.equals("pause") ? jobId : bannedJobId;
            for (Caller c : Caller.values()) {
                MockHttpServletRequestBuilder req = post(JOB + "/bulk/" + action)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"bulk_sbj\":[" + subject + "]}");
                if (c == Caller.ANONYMOUS) {
                    assertThat(envelopeStatus(req)).isEqualTo(-1);
                    continue;
                }
                JsonNode r = api.call(req.session(sessions.get(c)));
                assertThat(r.get("status").asInt()).as(action + " as " + c + ": " + r).isZero();
                String message = r.at("/data/items/0/message").asText("");
                if (WRITE_JOB.contains(c)) {
                    assertThat(message).as(action + " as " + c).doesNotContain("no permission");
                } else {
                    assertThat(r.at("/data/items/0/state").asText()).as(action + " as " + c + ": " + r)
                            .isEqualTo("FAILED");
                    assertThat(message).as(action + " as " + c).contains("no permission");
                }
            }
        }
    }

    private int envelopeStatus(MockHttpServletRequestBuilder req) throws Exception {
        JsonNode answer = answer(req);
        return answer == null ? 0 : answer.path("status").asInt(0);
    }

    /** The envelope, or null for a raw answer (a download). */
    private JsonNode answer(MockHttpServletRequestBuilder req) throws Exception {
        String body = api.perform(req).getResponse().getContentAsString();
        return body.isEmpty() || !body.startsWith("{") ? null : json.readTree(body);
    }
}
