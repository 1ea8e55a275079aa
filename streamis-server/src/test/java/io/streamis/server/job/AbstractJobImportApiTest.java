package io.streamis.server.job;

import static io.streamis.server.support.Zips.sqlMeta;
import static io.streamis.server.support.Zips.zip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamis.jobmanager.StreamisJobManagerProperties;
import io.streamis.jobmanager.material.LocalMaterialStore;
import io.streamis.server.identity.UserService;
import io.streamis.server.support.ApiTestSupport;
import io.streamis.server.support.FailingMaterialStore;
import io.streamis.server.support.Zips;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Job import, versions and config through the real HTTP boundary and a real database. Runs once per database
 * (subclasses); every bad package must be refused with a message naming the problem and leave nothing behind.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@org.springframework.context.annotation.Import(AbstractJobImportApiTest.Config.class)
abstract class AbstractJobImportApiTest {

    static final String JOB = "/streamis/streamJobManager/job";

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;
    @Autowired UserService users;
    @Autowired FailingMaterialStore store;
    @Autowired StreamisJobManagerProperties properties;
    @Autowired SqlSessionFactory sessions;

    ApiTestSupport api;
    MockHttpSession admin;

    @TestConfiguration
    static class Config {
        @Bean
        @Primary
        FailingMaterialStore failingMaterialStore(LocalMaterialStore local) {
            return new FailingMaterialStore(local);
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        api = new ApiTestSupport(mvc, json);
        admin = api.login("admin", "admin-password-1");
    }

    String uniqueJob(String prefix) {
        return prefix + "_" + System.nanoTime();
    }

    /**
     * Every statement is bounded, each database the cheap way: a per-statement timeout on H2 is a SET that empties
     * every session's parsed-statement cache, so H2 takes it once per connection instead (StatementTimeoutConfig).
     */
    @Test
    void statementsAreBoundedInTheWayTheDatabaseTakesCheaply() {
        String url = jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getURL());
        Integer perStatement = sessions.getConfiguration().getDefaultStatementTimeout();
        if (url.startsWith("jdbc:h2:")) {
            assertThat(perStatement).isNull();
            assertThat(jdbc.queryForObject("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                    + " WHERE SETTING_NAME = 'QUERY_TIMEOUT'", String.class)).isEqualTo("30000");
        } else {
            assertThat(perStatement).isEqualTo(30);
        }
    }

    @Test
    void shouldRefuseAnonymousCallsAndAcceptLogin() throws Exception {
        JsonNode r = api.call(get(ApiTestSupport.API + JOB + "/list").param("projectName", "default"));
        assertThat(r.get("status").asInt()).isEqualTo(-1);
        JsonNode bad = api.postJson(new MockHttpSession(), "/user/login",
                "{\"userName\":\"admin\",\"password\":\"wrong-password\"}");
        assertThat(bad.get("status").asInt()).isEqualTo(-1);
        assertThat(api.call(get(ApiTestSupport.API + "/streamis/health")).get("status").asInt()).isZero();
    }

    @Test
    void shouldImportZipAndListItWithVersionAndDefaults() throws Exception {
        String name = uniqueJob("sqljob");
        JsonNode r = api.upload(admin, "default", "job.zip",
                zip().add("meta.json", sqlMeta("default", name, "SELECT 1", null)).bytes());
        assertThat(r.get("status").asInt()).as(r.toString()).isZero();
        long jobId = r.at("/data/jobId").asLong();
        assertThat(r.at("/data/version").asText()).isEqualTo("v00001");

        JsonNode list = api.call(get(ApiTestSupport.API + JOB + "/list").session(admin)
                .param("projectName", "default").param("jobName", name));
        JsonNode row = list.at("/data/tasks/0");
        assertThat(list.at("/data/totalPage").asLong()).isEqualTo(1);
        assertThat(row.get("id").asLong()).isEqualTo(jobId);
        assertThat(row.get("status").asInt()).isZero();
        assertThat(row.get("version").asText()).isEqualTo("v00001");
        assertThat(row.get("lastVersion").asText()).isEqualTo("v00001");
        assertThat(row.get("versionForwards").asInt()).isZero();
        assertThat(row.get("label").asText()).isEqualTo("t1,t2");

        JsonNode config = api.call(get(ApiTestSupport.API + "/streamis/streamJobManager/config/json/" + jobId)
                .session(admin));
        assertThat(config.at("/data/wds.linkis.flink.resource/wds.linkis.flink.app.parallelism").asText())
                .isEqualTo("1");
        assertThat(config.at("/data/wds.linkis.flink.resource/wds.linkis.flink.jobmanager.memory").asText())
                .as("defaults are filled").isEqualTo("1024");
        assertThat(config.at("/data/wds.linkis.flink.custom/table.exec.state.ttl").asText()).isEqualTo("1h");
        assertThat(config.at("/data/wds.linkis.flink.produce/wds.linkis.flink.checkpoint.switch").asText())
                .isEqualTo("OFF");

        JsonNode content = api.call(get(ApiTestSupport.API + JOB + "/jobContent").session(admin)
                .param("jobId", String.valueOf(jobId)));
        assertThat(content.at("/data/jobContent/sql").asText()).isEqualTo("SELECT 1");
    }

    @Test
    void shouldStoreZipFilesWithTheVersionAndResolveSqlFile() throws Exception {
        String name = uniqueJob("filejob");
        String meta = """
                {"projectName":"default","jobName":"%s","jobType":"flink.sql",
                 "jobContent":{"type":"file","file":"job.sql"},
                 "jobConfig":{"wds.linkis.flink.produce":{}}}""".formatted(name);
        JsonNode r = api.upload(admin, "default", "job.zip",
                zip().add("meta.json", meta).add("job.sql", "INSERT INTO a SELECT * FROM b").bytes());
        assertThat(r.get("status").asInt()).as(r.toString()).isZero();
        long jobId = r.at("/data/jobId").asLong();
        JsonNode content = api.call(get(ApiTestSupport.API + JOB + "/jobContent").session(admin)
                .param("jobId", String.valueOf(jobId)));
        assertThat(content.at("/data/jobContent/sql").asText()).isEqualTo("INSERT INTO a SELECT * FROM b");
        String storePath = jdbc.queryForObject("SELECT store_path FROM linkis_stream_job_version_files"
                + " WHERE job_id = ?", String.class, jobId);
        assertThat(Files.readString(properties.materialRoot().resolve(storePath)))
                .isEqualTo("INSERT INTO a SELECT * FROM b");
    }

    record BadCase(String name, byte[] zip, String fileName, String expectedMessagePart) {
    }

    List<BadCase> badCases(String job) {
        String ok = sqlMeta("default", job, "SELECT 1", null);
        byte[] zeros = new byte[2 * 1024 * 1024];
        List<BadCase> cases = new ArrayList<>();
        cases.add(new BadCase("not a zip", "hello world".getBytes(), "job.zip", "not a zip"));
        cases.add(new BadCase("empty zip", zip().bytes(), "job.zip", "not a zip file (or it is an empty zip)"));
        cases.add(new BadCase("no meta.json", zip().add("other.sql", "x").bytes(), "job.zip", "no meta.json"));
        cases.add(new BadCase("invalid json", zip().add("meta.json", "{not json").bytes(), "job.zip",
                "not valid JSON"));
        cases.add(new BadCase("unknown key", zip().add("meta.json", ok.replaceFirst("\\{", "{\"bogus\":1,"))
                .bytes(), "job.zip", "unknown top-level key 'bogus'"));
        cases.add(new BadCase("blank jobName", zip().add("meta.json", ok.replace("\"jobName\":\"" + job + "\"",
                "\"jobName\":\" \"")).bytes(), "job.zip", "jobName is required"));
        cases.add(new BadCase("missing jobType", zip().add("meta.json", ok.replace("\"jobType\":\"flink.sql\",", ""))
                .bytes(), "job.zip", "jobType is required"));
        cases.add(new BadCase("unsupported jobType", zip().add("meta.json", ok.replace("flink.sql", "spark.jar"))
                .bytes(), "job.zip", "jobType 'spark.jar' is not supported"));
        cases.add(new BadCase("missing jobConfig", zip().add("meta.json", """
                {"projectName":"default","jobName":"%s","jobType":"flink.sql","jobContent":{"type":"sql","sql":"x"}}
                """.formatted(job)).bytes(), "job.zip", "does not contain jobConfig"));
        cases.add(new BadCase("missing produce group", zip().add("meta.json", """
                {"projectName":"default","jobName":"%s","jobType":"flink.sql","jobContent":{"type":"sql","sql":"x"},
                 "jobConfig":{"wds.linkis.flink.resource":{}}}""".formatted(job)).bytes(), "job.zip",
                "does not contain wds.linkis.flink.produce"));
        cases.add(new BadCase("referenced file missing", zip().add("meta.json", """
                {"projectName":"default","jobName":"%s","jobType":"flink.sql","jobContent":{"type":"file","file":"a.sql"},
                 "jobConfig":{"wds.linkis.flink.produce":{}}}""".formatted(job)).bytes(), "job.zip",
                "refers to file 'a.sql'"));
        cases.add(new BadCase("zip slip", zip().add("meta.json", ok).add("../evil.sql", "x").bytes(), "job.zip",
                "absolute or parent path"));
        cases.add(new BadCase("absolute path", zip().add("meta.json", ok).add("/etc/evil.sql", "x").bytes(),
                "job.zip", "absolute or parent path"));
        cases.add(new BadCase("directory", zip().add("meta.json", ok).dir("lib").bytes(), "job.zip",
                "is a directory"));
        cases.add(new BadCase("zip bomb", zip().add("meta.json", ok).add("big.bin", zeros).bytes(), "job.zip",
                "unpacks to more than"));
        Zips many = zip().add("meta.json", ok);
        for (int i = 0; i < 25; i++) {
            many.add("f" + i + ".txt", "x");
        }
        cases.add(new BadCase("too many entries", many.bytes(), "job.zip", "more than 20 entries"));
        cases.add(new BadCase("bad entry name", zip().add("meta.json", ok).add("a b.sql", "x").bytes(), "job.zip",
                "must match ^[A-Za-z0-9._-]+$"));
        cases.add(new BadCase("bad job name", zip().add("meta.json", ok.replace("\"jobName\":\"" + job + "\"",
                "\"jobName\":\"bad name!\"")).bytes(), "job.zip", "must match ^[A-Za-z0-9._-]+$"));
        cases.add(new BadCase("description too long", zip().add("meta.json", ok.replace("\"description\":\"d\"",
                "\"description\":\"" + "x".repeat(300) + "\"")).bytes(), "job.zip", "description is longer than 200"));
        cases.add(new BadCase("not .zip name", zip().add("meta.json", ok).bytes(), "job.tar", "must be a .zip"));
        cases.add(new BadCase("invalid config value", zip().add("meta.json", sqlMeta("default", job, "SELECT 1",
                "\"wds.linkis.flink.checkpoint.switch\":\"MAYBE\"")).bytes(), "job.zip",
                "wds.linkis.flink.checkpoint.switch: 'MAYBE' is not one of [ON, OFF]"));
        cases.add(new BadCase("args not an array", zip().add("meta.json", """
                {"projectName":"default","jobName":"%s","jobType":"flink.jar","jobContent":{"main.class.jar":"a.jar",
                 "main.class":"A","args":"--x 1"},"jobConfig":{"wds.linkis.flink.produce":{}}}""".formatted(job))
                .add("a.jar", "PK").bytes(), "job.zip", "jobContent.args must be a JSON array of strings"));
        return cases;
    }

    @Test
    void shouldRefuseEveryBadPackageAndLeaveNothingBehind() throws Exception {
        String job = uniqueJob("bad");
        for (BadCase c : badCases(job)) {
            Snapshot before = snapshot();
            JsonNode r = api.upload(admin, "default", c.fileName(), c.zip());
            assertThat(r.get("status").asInt()).as(c.name() + ": " + r).isEqualTo(2);
            assertThat(r.get("message").asText()).as(c.name()).contains(c.expectedMessagePart());
            assertThat(snapshot()).as(c.name() + " left something behind").isEqualTo(before);
        }
    }

    @Test
    void shouldRefuseChangingJobTypeAndKeepTheJob() throws Exception {
        String job = uniqueJob("typed");
        api.upload(admin, "default", "job.zip", zip().add("meta.json", sqlMeta("default", job, "SELECT 1", null))
                .bytes());
        Snapshot before = snapshot();
        JsonNode r = api.upload(admin, "default", "job.zip", zip().add("meta.json", """
                {"projectName":"default","jobName":"%s","jobType":"flink.jar","jobContent":{"main.class.jar":"a.jar",
                 "main.class":"A"},"jobConfig":{"wds.linkis.flink.produce":{}}}""".formatted(job))
                .add("a.jar", "PK").bytes());
        assertThat(r.get("status").asInt()).isEqualTo(2);
        assertThat(r.get("message").asText()).contains("jobType cannot change");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void shouldRemoveStoredFilesWhenTheImportFailsHalfway() throws Exception {
        String job = uniqueJob("halfway");
        String meta = """
                {"projectName":"default","jobName":"%s","jobType":"flink.jar","jobContent":{"main.class.jar":"a.jar",
                 "main.class":"A","dependency.jars":["b.jar"]},"jobConfig":{"wds.linkis.flink.produce":{}}}"""
                .formatted(job);
        Snapshot before = snapshot();
        store.failOnWrite(2);
        JsonNode r = api.upload(admin, "default", "job.zip", zip().add("meta.json", meta).add("a.jar", "PK-a")
                .add("b.jar", "PK-b").bytes());
        assertThat(r.get("status").asInt()).as(r.toString()).isEqualTo(1);
        assertThat(r.get("message").asText()).doesNotContain("at io.streamis");
        assertThat(snapshot()).as("first file stored before the failure must be gone").isEqualTo(before);
    }

    @Test
    void shouldRefuseUploadToAProjectTheUserMayNotEdit() throws Exception {
        String user = "viewer" + System.nanoTime();
        users.create(user, "viewer-password");
        MockHttpSession viewer = api.login(user, "viewer-password");
        Snapshot before = snapshot();
        JsonNode r = api.upload(viewer, "default", "job.zip",
                zip().add("meta.json", sqlMeta("default", uniqueJob("x"), "SELECT 1", null)).bytes());
        assertThat(r.get("status").asInt()).isEqualTo(3);
        assertThat(r.get("message").asText()).contains("needs EDIT privilege on project default");
        assertThat(snapshot()).isEqualTo(before);
        JsonNode list = api.call(get(ApiTestSupport.API + JOB + "/list").session(viewer)
                .param("projectName", "default"));
        assertThat(list.at("/data/tasks").size()).as("no privilege, no rows").isZero();
    }

    @Test
    void shouldNumberVersionsUniquelyUnderConcurrentUploads() throws Exception {
        String job = uniqueJob("race");
        int n = 8;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        List<Future<JsonNode>> results = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] z = zip().add("meta.json", sqlMeta("default", job, "SELECT " + i, null)).bytes();
            results.add(pool.submit((Callable<JsonNode>) () -> api.upload(admin, "default", "job.zip", z)));
        }
        Set<String> versions = new TreeSet<>();
        for (Future<JsonNode> f : results) {
            JsonNode r = f.get();
            assertThat(r.get("status").asInt()).as(r.toString()).isZero();
            versions.add(r.at("/data/version").asText());
        }
        pool.shutdown();
        assertThat(versions).containsExactly("v00001", "v00002", "v00003", "v00004", "v00005", "v00006", "v00007",
                "v00008");
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT job_id) FROM linkis_stream_job_version v JOIN"
                + " linkis_stream_job j ON j.id = v.job_id WHERE j.name = ?", Integer.class, job)).isEqualTo(1);
    }

    /**
     * Different new jobs uploaded at once all succeed: each import replaces its job's config (delete, then insert),
     * and on MySQL/MariaDB at REPEATABLE READ the delete of a job id past the table's end locks the gap after the
     * last row, so two imports inserting there deadlocked and some answered "being imported concurrently".
     */
    @Test
    void shouldImportDistinctNewJobsConcurrently() throws Exception {
        String prefix = uniqueJob("many_new");
        int n = 8;
        int rounds = 4;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            for (int round = 0; round < rounds; round++) {
                java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(n);
                List<Future<JsonNode>> results = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    byte[] z = zip().add("meta.json", sqlMeta("default", prefix + "_" + round + "_" + i, "SELECT 1",
                            null)).bytes();
                    results.add(pool.submit((Callable<JsonNode>) () -> {
                        together.await();
                        return api.upload(admin, "default", "job.zip", z);
                    }));
                }
                for (Future<JsonNode> f : results) {
                    JsonNode r = f.get();
                    assertThat(r.get("status").asInt()).as(r.toString()).isZero();
                }
            }
        } finally {
            pool.shutdown();
        }
    }

    /** A job chooses its cluster among the configured ones only; a name no cluster has is refused, naming the key. */
    @Test
    void aClusterThatIsNotConfiguredIsRefused() throws Exception {
        String job = uniqueJob("nowhere");
        JsonNode r = api.upload(admin, "default", "job.zip", zip().add("meta.json", sqlMeta("default", job, "SELECT 1",
                "\"wds.streamis.flink.cluster\":\"nowhere\"")).bytes());
        assertThat(r.get("status").asInt()).as(r.toString()).isNotZero();
        assertThat(r.get("message").asText()).contains("wds.streamis.flink.cluster").contains("nowhere");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM linkis_stream_job WHERE name = ?", Integer.class, job))
                .as("nothing left behind").isZero();
    }

    @Test
    void shouldOrderVersionsNumericallyPastV09999() throws Exception {
        String job = uniqueJob("many");
        long jobId = api.upload(admin, "default", "job.zip",
                zip().add("meta.json", sqlMeta("default", job, "SELECT 1", null)).bytes()).at("/data/jobId").asLong();
        jdbc.update("UPDATE linkis_stream_job SET version_seq = 99999 WHERE id = ?", jobId);
        JsonNode r = api.upload(admin, "default", "job.zip",
                zip().add("meta.json", sqlMeta("default", job, "SELECT 2", null)).bytes());
        assertThat(r.at("/data/version").asText()).isEqualTo("v100000");
        JsonNode versions = api.call(get(ApiTestSupport.API + JOB + "/" + jobId + "/versions").session(admin));
        assertThat(versions.at("/data/versions/0/version").asText()).isEqualTo("v100000");
        assertThat(versions.at("/data/versions/1/version").asText()).isEqualTo("v00001");
        JsonNode list = api.call(get(ApiTestSupport.API + JOB + "/list").session(admin)
                .param("projectName", "default").param("jobName", job));
        assertThat(list.at("/data/tasks/0/lastVersion").asText()).isEqualTo("v100000");
        assertThat(list.at("/data/tasks/0/version").asText()).as("not running: current moves").isEqualTo("v100000");
    }

    @Autowired io.streamis.jobmanager.task.TaskMapper tasks;
    @Autowired io.streamis.jobmanager.job.JobMapper jobRows;

    /**
     * The list filters and sorts on the job row's latest task: latest started first, never started last, status
     * of the latest task only while it ran the current version, a page at a time, and lastVersion/lastVersionTime
     * both describe the newest version.
     */
    @Test
    void listSortsFiltersAndPagesOnTheLatestTask() throws Exception {
        String prefix = uniqueJob("lst");
        long never = uploadJob(prefix + "_never");
        long older = uploadJob(prefix + "_older");
        long newer = uploadJob(prefix + "_newer");
        started(older, "2026-01-01 10:00:00", 5);
        started(newer, "2026-01-02 10:00:00", 7);
        // A second version published while the newer job is stopped: its current version has never run.
        api.upload(admin, "default", "job.zip", zip().add("meta.json",
                sqlMeta("default", prefix + "_newer", "SELECT 2", null)).bytes());
        jdbc.update("UPDATE linkis_stream_job_version SET create_time = '2026-03-03 03:03:03' WHERE job_id = ?"
                + " AND version = 'v00002'", newer);

        JsonNode all = list(prefix, null, 1, 10);
        assertThat(all.at("/data/totalPage").asLong()).isEqualTo(3);
        assertThat(all.at("/data/tasks").findValues("id").stream().map(JsonNode::asLong))
                .containsExactly(newer, older, never);
        JsonNode newest = all.at("/data/tasks/0");
        assertThat(newest.get("status").asInt()).as("v00002 never ran").isZero();
        assertThat(newest.get("lastVersion").asText()).isEqualTo("v00002");
        assertThat(newest.get("lastVersionTime").asText()).startsWith("2026-03-03 03:03:03");
        assertThat(all.at("/data/tasks/1/status").asInt()).isEqualTo(5);

        assertThat(list(prefix, 5, 1, 10).at("/data/tasks").findValues("id").stream().map(JsonNode::asLong))
                .containsExactly(older);
        assertThat(list(prefix, 0, 1, 10).at("/data/tasks").findValues("id").stream().map(JsonNode::asLong))
                .containsExactly(newer, never);
        JsonNode page2 = list(prefix, null, 2, 2);
        assertThat(page2.at("/data/totalPage").asLong()).isEqualTo(3);
        assertThat(page2.at("/data/tasks").findValues("id").stream().map(JsonNode::asLong)).containsExactly(never);
    }

    private long uploadJob(String name) throws Exception {
        return api.upload(admin, "default", "job.zip", zip().add("meta.json", sqlMeta("default", name, "SELECT 1",
                null)).bytes()).at("/data/jobId").asLong();
    }

    private void started(long jobId, String at, int status) {
        long versionId = jdbc.queryForObject("SELECT MAX(id) FROM linkis_stream_job_version WHERE job_id = ?",
                Long.class, jobId);
        io.streamis.jobmanager.task.TaskMapper.NewTask t = new io.streamis.jobmanager.task.TaskMapper.NewTask(
                versionId, jobId, "v00001", status, "admin", "host:1", "{}", null, "embedded", "USER", "{}");
        tasks.insert(t);
        jdbc.update("UPDATE linkis_stream_task SET start_time = ? WHERE id = ?", java.sql.Timestamp.valueOf(at),
                t.id);
        jobRows.updateLatestTask(jobId, t.id);
    }

    private JsonNode list(String jobName, Integer status, int pageNow, int pageSize) throws Exception {
        var request = get(ApiTestSupport.API + JOB + "/list").session(admin).param("projectName", "default")
                .param("jobName", jobName).param("pageNow", String.valueOf(pageNow))
                .param("pageSize", String.valueOf(pageSize));
        if (status != null) {
            request.param("jobStatus", String.valueOf(status));
        }
        return api.call(request);
    }
    @Autowired io.streamis.bulk.BulkMapper bulks;

    /** The run and bulk tables speak this database's SQL: compare-and-set transitions, latest-per-job, paging. */
    @Test
    void runAndBulkTablesWorkOnThisDatabase() throws Exception {
        String name = uniqueJob("rows");
        long jobId = api.upload(admin, "default", "job.zip", zip().add("meta.json",
                sqlMeta("default", name, "SELECT 1", null)).bytes()).at("/data/jobId").asLong();
        long versionId = jdbc.queryForObject("SELECT id FROM linkis_stream_job_version WHERE job_id = ?", Long.class,
                jobId);
        io.streamis.jobmanager.task.TaskMapper.NewTask t = new io.streamis.jobmanager.task.TaskMapper.NewTask(
                versionId, jobId, "v00001", 8, "admin", "host:1", "{}", null, "embedded", "USER", "{}");
        tasks.insert(t);
        jobRows.updateLatestTask(jobId, t.id); // as a start's intent does (StartRecorder)
        assertThat(tasks.transition(t.id, 8, 5)).isEqualTo(1);
        assertThat(tasks.transition(t.id, 8, 6)).as("compare-and-set refuses a stale status").isZero();
        tasks.updateLaunched(t.id, "abc", "{\"id\":\"abc\"}", "file:/x/chk-1");
        assertThat(tasks.selectLatestOf(List.of(jobId))).singleElement()
                .satisfies(r -> assertThat(r.flinkJobId()).isEqualTo("abc"));
        assertThat(tasks.countByVersion(jobId, "v00001")).isEqualTo(1);
        assertThat(tasks.selectByStatuses(List.of(5))).extracting(io.streamis.jobmanager.task.StreamTask::id)
                .contains(t.id);
        JsonNode list = api.call(get(ApiTestSupport.API + JOB + "/list").session(admin)
                .param("projectName", "default").param("jobStatus", "5"));
        assertThat(list.at("/data/tasks").findValues("id").stream().map(JsonNode::asLong)).contains(jobId);

        io.streamis.bulk.BulkMapper.NewOperation op = new io.streamis.bulk.BulkMapper.NewOperation("PAUSE", "k" + jobId,
                true, 1, "admin", "node-a:9400");
        bulks.insertOperation(op);
        bulks.insertItem(op.id, jobId, "rows", "PENDING", null, null);
        assertThat(bulks.selectRecentByKey("k" + jobId, java.time.LocalDateTime.now().minusMinutes(1)).id())
                .isEqualTo(op.id);
        long itemId = bulks.selectItems(op.id).get(0).id();
        bulks.updateItem(itemId, "SUCCEEDED", t.id, io.streamis.common.error.Text.of("bulk.stopped", "stopped"), "file:/s");
        bulks.finish(op.id);
        assertThat(bulks.selectOperation(op.id).finished()).isTrue();
        assertThat(bulks.selectUnfinished()).extracting(io.streamis.bulk.BulkMapper.Unfinished::id)
                .doesNotContain(op.id);
        // The item's message is stored as a key with its English; each reader gets it in their language.
        assertThat(api.call(get(ApiTestSupport.API + JOB + "/bulk/" + op.id).session(admin)
                .header("Accept-Language", "zh-CN")).at("/data/items/0/message").asText()).isEqualTo("已停止");
        assertThat(api.call(get(ApiTestSupport.API + JOB + "/bulk/" + op.id).session(admin))
                .at("/data/items/0/message").asText()).isEqualTo("stopped");

        // A stop records its cause; history says it in the reader's language, with the run time in seconds.
        tasks.transitionWithError(t.id, 5, 7, io.streamis.jobmanager.lifecycle.StopReason.SAVEPOINT.record("file:/s"));
        JsonNode zh = api.call(get(ApiTestSupport.API + JOB + "/execute/history").session(admin)
                .param("jobId", String.valueOf(jobId)).header("Accept-Language", "zh-CN"));
        assertThat(zh.at("/data/details/0/stopCause").asText()).isEqualTo("用户停止，快照 file:/s");
        assertThat(zh.at("/data/details/0/runSeconds").isIntegralNumber()).isTrue();
        assertThat(zh.at("/data/details/0/runTime").asText()).as("0.3.x text kept").endsWith(" 分钟");
        JsonNode en = api.call(get(ApiTestSupport.API + JOB + "/execute/history").session(admin)
                .param("jobId", String.valueOf(jobId)));
        assertThat(en.at("/data/details/0/stopCause").asText()).isEqualTo("stopped by user with savepoint file:/s");

        // The list's copy of the status follows every transition, and a copy left behind is put right.
        assertThat(listedWithStatus(name, 7)).contains(jobId);
        assertThat(listedWithStatus(name, 5)).doesNotContain(jobId);
        jdbc.update("UPDATE linkis_stream_job SET list_status = 5 WHERE id = ?", jobId);
        assertThat(jobRows.repairListStatus()).isPositive();
        assertThat(listedWithStatus(name, 7)).contains(jobId);
        assertThat(listedWithStatus(name, 5)).doesNotContain(jobId);
    }

    private List<Long> listedWithStatus(String name, int status) throws Exception {
        return api.call(get(ApiTestSupport.API + JOB + "/list").session(admin).param("projectName", "default")
                .param("jobName", name).param("jobStatus", String.valueOf(status)))
                .at("/data/tasks").findValues("id").stream().map(JsonNode::asLong).toList();
    }

    /** The job list's last release time belongs to the newest version, the same row as lastVersion. */
    @Test
    void lastVersionTimeIsTheNewestVersionsTime() throws Exception {
        String job = uniqueJob("relt");
        long jobId = api.upload(admin, "default", "job.zip", zip().add("meta.json",
                sqlMeta("default", job, "SELECT 1", null)).bytes()).at("/data/jobId").asLong();
        api.upload(admin, "default", "job.zip", zip().add("meta.json", sqlMeta("default", job, "SELECT 2", null)).bytes());
        // The version in use stays the first (as for a running job); the versions carry distinct times.
        jdbc.update("UPDATE linkis_stream_job SET current_version = 'v00001' WHERE id = ?", jobId);
        jdbc.update("UPDATE linkis_stream_job_version SET create_time = ? WHERE job_id = ? AND version = 'v00001'",
                java.sql.Timestamp.valueOf("2026-01-01 10:00:00"), jobId);
        jdbc.update("UPDATE linkis_stream_job_version SET create_time = ? WHERE job_id = ? AND version = 'v00002'",
                java.sql.Timestamp.valueOf("2026-02-02 12:00:00"), jobId);
        JsonNode row = api.call(get(ApiTestSupport.API + JOB + "/list").session(admin)
                .param("projectName", "default").param("jobName", job)).at("/data/tasks/0");
        assertThat(row.at("/version").asText()).isEqualTo("v00001");
        assertThat(row.at("/lastVersion").asText()).isEqualTo("v00002");
        assertThat(row.at("/lastVersionTime").asText()).startsWith("2026-02-02 12:00:00");
    }

    /** An error a person reads comes in the language the request asks for; without one it stays English. */
    @Test
    void errorsSpeakTheRequestsLanguage() throws Exception {
        byte[] noMeta = zip().add("other.sql", "x").bytes();
        org.springframework.test.web.servlet.RequestBuilder zh = org.springframework.test.web.servlet.request
                .MockMvcRequestBuilders.multipart(ApiTestSupport.API + JOB + "/upload")
                .file(new org.springframework.mock.web.MockMultipartFile("file", "job.zip", "application/zip", noMeta))
                .param("projectName", "default").session(admin).header("Accept-Language", "zh-CN,zh;q=0.9");
        JsonNode chinese = api.call(zh);
        assertThat(chinese.at("/status").asInt()).isEqualTo(2);
        assertThat(chinese.at("/message").asText()).isEqualTo("压缩包根目录下没有 meta.json");
        assertThat(chinese.at("/data/errorCode").asText()).isEqualTo("VALIDATION");
        assertThat(api.upload(admin, "default", "job.zip", noMeta).at("/message").asText())
                .isEqualTo("The zip has no meta.json at its root");
        // The rarer upload checks, the bulk dialog's refusals: keyed too.
        byte[] inFolder = zip().add("job/meta.json", "{}").bytes();
        assertThat(zh(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart(
                ApiTestSupport.API + JOB + "/upload").file(new org.springframework.mock.web.MockMultipartFile("file",
                "job.zip", "application/zip", inFolder)).param("projectName", "default")))
                .isEqualTo("压缩包中的条目 job/meta.json 是目录或位于目录中；请把所有文件放在压缩包的根目录");
        assertThat(api.upload(admin, "default", "job.zip", inFolder).at("/message").asText())
                .isEqualTo("Zip entry 'job/meta.json' is a directory or inside one;"
                        + " put every file at the root of the zip");
        assertThat(zh(post(ApiTestSupport.API + JOB + "/bulk/pause").contentType(MediaType.APPLICATION_JSON)
                .content("{\"bulk_sbj\":[1],\"sbj_type\":\"PROJECT\"}"))).isEqualTo("sbj_type 只能是 JOB 或 TASK");
        assertThat(zh(post(ApiTestSupport.API + JOB + "/bulk/pause").contentType(MediaType.APPLICATION_JSON)
                .content("{\"bulk_sbj\":[]}"))).isEqualTo("bulk_sbj 必须是由 id 组成的非空 JSON 数组");
        assertThat(zh(get(ApiTestSupport.API + JOB + "/version").param("jobId", "1")))
                .isEqualTo("jobId 和 version 均为必填项");
        assertThat(zh(post(ApiTestSupport.API + "/streamis/project/createProject").contentType(MediaType.APPLICATION_JSON)
                .content("{\"projectName\":\"a b\"}")))
                .isEqualTo("projectName 'a b' 必须匹配 ^[A-Za-z0-9._-]+$，且最多 200 个字符");
        JsonNode anonymous = api.call(get(ApiTestSupport.API + "/user/userInfo").header("Accept-Language", "zh"));
        assertThat(anonymous.at("/message").asText()).isEqualTo("您尚未登录，请先登录");
    }

    /**
     * The refusals a person meets at the job list's buttons (no such job, no permission, banned, not running, already
     * enabled, not finished) come in the request's language too; without one they stay English.
     */
    @Test
    void jobActionRefusalsSpeakTheRequestsLanguage() throws Exception {
        String stoppedName = uniqueJob("zh_stopped");
        long stopped = uploadJob(stoppedName);
        started(stopped, "2026-01-01 00:00:00", 7);
        String startingName = uniqueJob("zh_starting");
        long starting = uploadJob(startingName);
        started(starting, "2026-01-01 00:00:00", 8);

        assertThat(zh(get(ApiTestSupport.API + JOB + "/stop").param("jobId", "987654321")))
                .isEqualTo("作业 987654321 不存在");
        assertThat(zh(get(ApiTestSupport.API + JOB + "/stop").param("jobId", String.valueOf(starting))))
                .isEqualTo("作业 " + startingName + " 当前不在运行中，只能停止运行中的作业");
        assertThat(zh(put(ApiTestSupport.API + JOB + "/snapshot/" + stopped)))
                .isEqualTo("作业 " + stoppedName + " 未在运行，只有运行中的作业才能生成快照");
        assertThat(zh(post(ApiTestSupport.API + JOB + "/enable").contentType(MediaType.APPLICATION_JSON)
                .content("[" + stopped + "]"))).isEqualTo("作业 " + stoppedName + " 已是启用状态");
        assertThat(zh(post(ApiTestSupport.API + JOB + "/ban").contentType(MediaType.APPLICATION_JSON)
                .content("[" + starting + "]"))).isEqualTo("作业 " + startingName + " 尚未结束，请先停止再禁用");

        String plainName = uniqueJob("plain");
        users.create(plainName, "password-1");
        MockHttpSession plain = api.login(plainName, "password-1");
        assertThat(api.call(get(ApiTestSupport.API + JOB + "/stop").param("jobId", String.valueOf(stopped))
                .session(plain).header("Accept-Language", "zh-CN")).at("/message").asText())
                .isEqualTo("用户 " + plainName + " 无权操作作业 " + stoppedName + "（需是作业的创建者，或拥有项目 default 的 EDIT 权限）");

        assertThat(api.call(post(ApiTestSupport.API + JOB + "/ban").session(admin)
                .contentType(MediaType.APPLICATION_JSON).content("[" + stopped + "]")).get("status").asInt()).isZero();
        assertThat(zh(get(ApiTestSupport.API + JOB + "/stop").param("jobId", String.valueOf(stopped))))
                .isEqualTo("作业 " + stoppedName + " 已被禁用，请先启用");
        assertThat(api.call(get(ApiTestSupport.API + JOB + "/stop").param("jobId", String.valueOf(stopped))
                .session(admin)).at("/message").asText()).as("no Accept-Language: English, as 0.3.x")
                .isEqualTo("Job " + stoppedName + " has been banned, enable it first");
    }

    /** A log page that has no log says why in the reader's language; the 0.3.x English without one. */
    @Test
    void aLogPageWithoutALogSaysWhyInTheRequestsLanguage() throws Exception {
        long jobId = uploadJob(uniqueJob("nolog"));
        JsonNode zh = api.call(get(ApiTestSupport.API + JOB + "/logs").param("jobId", String.valueOf(jobId))
                .param("logType", "client").session(admin).header("Accept-Language", "zh-CN")).at("/data/logs");
        assertThat(zh.get("logs")).extracting(JsonNode::asText).containsExactly("没有可用的日志内容，可能该任务尚未被调度");
        assertThat(zh.has("notice")).as("the key is the server's business, not the answer's").isFalse();
        JsonNode en = api.call(get(ApiTestSupport.API + JOB + "/logs").param("jobId", String.valueOf(jobId))
                .param("logType", "client").session(admin)).at("/data/logs");
        assertThat(en.get("logs")).extracting(JsonNode::asText)
                .containsExactly("No log content is available. Perhaps the task has not been scheduled");
        assertThat(en.get("logPath").asText()).isEqualTo("undefined");
    }

    /** The boundary's own refusals (unknown endpoint, missing or bad parameter, unreadable body) too. */
    @Test
    void theBoundarysOwnRefusalsSpeakTheRequestsLanguage() throws Exception {
        assertThat(zh(get(ApiTestSupport.API + "/streamis/no/such/endpoint")))
                .isEqualTo("没有这个接口：" + ApiTestSupport.API + "/streamis/no/such/endpoint");
        assertThat(zh(get(ApiTestSupport.API + JOB + "/stop"))).isEqualTo("缺少必填参数 'jobId'");
        assertThat(zh(get(ApiTestSupport.API + JOB + "/stop").param("jobId", "abc")))
                .isEqualTo("参数 'jobId' 的值 'abc' 无效");
        assertThat(zh(post(ApiTestSupport.API + JOB + "/enable").contentType(MediaType.APPLICATION_JSON)
                .content("{not json"))).isEqualTo("请求体缺失，或不是预期格式的 JSON");
        assertThat(api.call(get(ApiTestSupport.API + JOB + "/stop").param("jobId", "abc").session(admin))
                .at("/message").asText()).isEqualTo("Parameter 'jobId' has an invalid value 'abc'");
    }

    /** The message of {@code request} made by admin from a Chinese UI. */
    private String zh(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
            throws Exception {
        JsonNode answer = api.call(request.session(admin).header("Accept-Language", "zh-CN,zh;q=0.9"));
        assertThat(answer.get("status").asInt()).as(answer.toString()).isNotZero();
        return answer.at("/message").asText();
    }

    /** The UI asks who is logged in before routing: anonymous answers loggedIn=false, not a 401. */
    @Test
    void sessionProbeAnswersWithoutALogin() throws Exception {
        assertThat(api.call(get(ApiTestSupport.API + "/user/session")).at("/data/loggedIn").asBoolean()).isFalse();
        JsonNode me = api.call(get(ApiTestSupport.API + "/user/session").session(admin));
        assertThat(me.at("/data/loggedIn").asBoolean()).isTrue();
        assertThat(me.at("/data/userName").asText()).isEqualTo("admin");
    }

    /** Config definitions carry an English name next to the 0.3.x Chinese one (V1_30_2 and the repeatable R__config_definition_english_names). */
    @Test
    void definitionsCarryEnglishNames() throws Exception {
        JsonNode defs = api.call(get(ApiTestSupport.API + "/streamis/streamJobManager/config/definitions").session(admin));
        List<JsonNode> all = new ArrayList<>();
        defs.at("/data/def").forEach(g -> {
            all.add(g);
            g.path("child_def").forEach(all::add);
        });
        JsonNode restart = all.stream().filter(d -> d.at("/key").asText().equals("wds.linkis.flink.app.fail-restart.switch"))
                .findFirst().orElseThrow();
        assertThat(restart.at("/name").asText()).isEqualTo("作业失败自动拉起开关");
        assertThat(restart.at("/en_name").asText()).isEqualTo("Restart the job when it fails");
        assertThat(all).allSatisfy(d -> assertThat(d.at("/en_name").asText()).as(d.at("/key").asText()).isNotBlank());
    }

    record Snapshot(List<Long> rows, List<String> files) {
    }

    Snapshot snapshot() throws IOException {
        List<Long> rows = new ArrayList<>();
        for (String t : List.of("linkis_stream_job", "linkis_stream_job_version", "linkis_stream_job_version_files",
                "linkis_stream_job_config")) {
            rows.add(jdbc.queryForObject("SELECT COUNT(*) FROM " + t, Long.class));
        }
        List<String> files = new ArrayList<>();
        for (Path root : List.of(properties.materialRoot(), properties.upload().stagingDir())) {
            if (Files.exists(root)) {
                try (Stream<Path> s = Files.walk(root)) {
                    s.filter(Files::isRegularFile).map(Path::toString).sorted().forEach(files::add);
                }
            }
        }
        return new Snapshot(rows, files);
    }

}
