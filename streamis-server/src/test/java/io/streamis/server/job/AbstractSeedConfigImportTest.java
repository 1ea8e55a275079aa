package io.streamis.server.job;

import static io.streamis.server.support.Zips.quote;
import static io.streamis.server.support.Zips.zip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamis.jobmanager.upload.JobImportService;
import io.streamis.server.support.ApiTestSupport;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The seed's rules for an imported jobConfig (000 §3: "默认参数会自动填充，非定义参数直接过滤，例如Flink自定义参数是不做
 * 校验的"), with the seed's own meta.json, once per database (subclasses): undefined keys are dropped and reported in
 * every group but the custom Flink group, which is kept whole; defaults are the seed's table; a meta.json must name
 * its project.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(AbstractJobImportApiTest.Config.class)
abstract class AbstractSeedConfigImportTest {

    static final String CONFIG = "/streamis/streamJobManager/config";

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;

    ApiTestSupport api;
    MockHttpSession admin;

    @BeforeEach
    void setUp() throws Exception {
        api = new ApiTestSupport(mvc, json);
        admin = api.login("admin", "admin-password-1");
    }

    static String uniqueJob(String prefix) {
        return prefix + "_" + System.nanoTime();
    }

    /** The seed's meta.json (000 §3) with an inline SQL job content. */
    static String seedMeta(String job) {
        return """
                {
                  "projectName": "default",
                  "jobName": "%s",
                  "jobType": "flink.sql",
                  "tags": "",
                  "description": "",
                  "jobContent": {"type": "sql", "sql": %s},
                  "jobConfig": {
                    "wds.linkis.flink.resource": {
                      "wds.linkis.flink.app.parallelism":"4",
                      "wds.linkis.flink.jobmanager.memory":"2048",
                      "wds.linkis.flink.taskmanager.memory":"4096",
                      "wds.linkis.flink.taskmanager.numberOfTaskSlots":"2",
                      "wds.linkis.flink.taskmanager.cpus":"2",
                      "wds.linkis.rm.yarnqueue":"queue_0301_04"
                    },
                    "wds.linkis.flink.custom": {
                      "stream.log.filter.keywords":"ERROR,WARN,INFO",
                      "security.kerberos.krb5-conf.path":"/appcom/Install/streamis/krb5.conf",
                      "demo.log.tps.rate":"20000",
                      "classloader.resolve-order":"parent-first",
                      "stream.log.debug":"true",
                      "security.kerberos.login.contexts":"KafkaClient,Client",
                      "security.kerberos.login.keytab":"/appcom/Install/streamis/hadoop.keytab",
                      "security.kerberos.login.principal":"hadoop/inddev010004@WEBANK.COM"
                    },
                    "wds.linkis.flink.produce": {
                      "wds.linkis.flink.checkpoint.switch":"OFF",
                      "wds.linkis.flink.app.fail-restart.switch":"OFF",
                      "wds.linkis.flink.app.start-auto-restore.switch":"OFF"
                    }
                  }
                }""".formatted(job, quote("INSERT INTO snk SELECT * FROM src"));
    }

    JsonNode config(long jobId) throws Exception {
        return api.call(get(ApiTestSupport.API + CONFIG + "/json/" + jobId).session(admin)).get("data");
    }

    static List<String> dropped(JsonNode answer) {
        List<String> out = new ArrayList<>();
        answer.at("/data/dropped").forEach(d -> out.add(d.path("group").asText() + "/" + d.path("key").asText("")));
        return out;
    }

    @Test
    void shouldImportTheSeedsOwnMetaJsonWithItsValuesAndTheCustomGroupWhole() throws Exception {
        JsonNode r = api.upload(admin, "default", "job.zip", zip().add("meta.json", seedMeta(uniqueJob("seed")))
                .bytes());
        assertThat(r.get("status").asInt()).as(r.toString()).isZero();
        assertThat(r.at("/data/dropped").isArray()).isTrue();
        assertThat(r.at("/data/dropped").size()).isZero();
        JsonNode c = config(r.at("/data/jobId").asLong());
        assertThat(c.at("/wds.linkis.flink.resource/wds.linkis.flink.jobmanager.memory").asText()).isEqualTo("2048");
        assertThat(c.at("/wds.linkis.flink.resource/wds.linkis.rm.yarnqueue").asText()).isEqualTo("queue_0301_04");
        assertThat(c.get("wds.linkis.flink.custom").size()).isEqualTo(8);
        assertThat(c.at("/wds.linkis.flink.custom/security.kerberos.login.principal").asText())
                .isEqualTo("hadoop/inddev010004@WEBANK.COM");
        assertThat(c.at("/wds.linkis.flink.produce/wds.linkis.flink.app.start-auto-restore.switch").asText())
                .isEqualTo("OFF");
    }

    @Test
    void shouldStoreSeedRulesWithoutBackslashLossOnEveryDatabase() {
        List<String> rules = jdbc.queryForList("SELECT validate_rule FROM linkis_stream_job_config_def"
                + " WHERE validate_rule IS NOT NULL", String.class);
        assertThat(rules).isNotEmpty().allSatisfy(rule -> assertThat(rule).doesNotContain("\\").doesNotContain("]d{"));
        assertThat(jdbc.queryForObject("SELECT validate_rule FROM linkis_stream_job_config_def WHERE `key` = ?",
                String.class, "wds.linkis.flink.jobmanager.memory")).isEqualTo("^([1-9][0-9]{0,4}|100000)$");
    }

    @Test
    void shouldDropAndReportUndefinedKeysInEveryGroupButCustom() throws Exception {
        String meta = """
                {"projectName":"default","jobName":"%s","jobType":"flink.sql",
                 "jobContent":{"type":"sql","sql":"SELECT 1"},
                 "jobConfig":{
                   "wds.linkis.flink.resource":{"wds.linkis.flink.app.parallelism":"2","resource.extra":"1"},
                   "wds.linkis.flink.custom":{"any.flink.key":"v","table.exec.state.ttl":"1h"},
                   "wds.linkis.flink.produce":{"produce.extra":"x","wds.linkis.flink.app.parallelism":"3"},
                   "wds.linkis.flink.authority":{"authority.extra":"y"},
                   "no.such.group":{"k":"v"}}}""".formatted(uniqueJob("drop"));
        JsonNode r = api.upload(admin, "default", "job.zip", zip().add("meta.json", meta).bytes());
        assertThat(r.get("status").asInt()).as(r.toString()).isZero();
        assertThat(dropped(r)).containsExactlyInAnyOrder("no.such.group/", "wds.linkis.flink.resource/resource.extra",
                "wds.linkis.flink.produce/produce.extra", "wds.linkis.flink.produce/wds.linkis.flink.app.parallelism",
                "wds.linkis.flink.authority/authority.extra");
        assertThat(r.at("/data/dropped/0/reason").asText()).isNotBlank();

        JsonNode c = config(r.at("/data/jobId").asLong());
        assertThat(c.get("wds.linkis.flink.resource").has("resource.extra")).isFalse();
        assertThat(c.get("wds.linkis.flink.produce").has("produce.extra")).isFalse();
        assertThat(c.get("wds.linkis.flink.authority").has("authority.extra")).isFalse();
        assertThat(c.has("no.such.group")).isFalse();
        assertThat(c.at("/wds.linkis.flink.resource/wds.linkis.flink.app.parallelism").asText()).isEqualTo("2");
        assertThat(c.at("/wds.linkis.flink.custom/any.flink.key").asText()).isEqualTo("v");
        assertThat(c.at("/wds.linkis.flink.custom/table.exec.state.ttl").asText()).isEqualTo("1h");
    }

    @Test
    void shouldDropAndReportUndefinedKeysWhenTheConfigIsSaved() throws Exception {
        JsonNode r = api.upload(admin, "default", "job.zip", zip().add("meta.json", seedMeta(uniqueJob("save")))
                .bytes());
        long jobId = r.at("/data/jobId").asLong();
        JsonNode saved = api.postJson(admin, CONFIG + "/json/" + jobId, """
                {"wds.linkis.flink.resource":{"wds.linkis.flink.app.parallelism":"2","typo.parallelism":"9"},
                 "wds.linkis.flink.custom":{"free.key":"1"},
                 "wds.linkis.flink.produce":{}}""");
        assertThat(saved.get("status").asInt()).as(saved.toString()).isZero();
        assertThat(dropped(saved)).containsExactly("wds.linkis.flink.resource/typo.parallelism");
        assertThat(config(jobId).get("wds.linkis.flink.resource").has("typo.parallelism")).isFalse();
        assertThat(config(jobId).at("/wds.linkis.flink.custom/free.key").asText()).isEqualTo("1");
    }

    @Test
    void shouldFillTheSeedsDefaultTable() throws Exception {
        String meta = """
                {"projectName":"default","jobName":"%s","jobType":"flink.sql",
                 "jobContent":{"type":"sql","sql":"SELECT 1"},"jobConfig":{"wds.linkis.flink.produce":{}}}"""
                .formatted(uniqueJob("defaults"));
        JsonNode r = api.upload(admin, "default", "job.zip", zip().add("meta.json", meta).bytes());
        assertThat(r.get("status").asInt()).as(r.toString()).isZero();
        JsonNode c = config(r.at("/data/jobId").asLong());
        JsonNode res = c.get("wds.linkis.flink.resource");
        assertThat(res.get("wds.linkis.flink.app.parallelism").asText()).isEqualTo("4");
        assertThat(res.get("wds.linkis.flink.jobmanager.memory").asText()).isEqualTo("1024");
        assertThat(res.get("wds.linkis.flink.taskmanager.cpus").asText()).isEqualTo("2");
        assertThat(res.get("wds.linkis.flink.taskmanager.memory").asText()).isEqualTo("4096");
        assertThat(res.get("wds.linkis.flink.taskmanager.numberOfTaskSlots").asText()).isEqualTo("2");
        assertThat(c.get("wds.linkis.flink.custom").size()).isZero();
        JsonNode produce = c.get("wds.linkis.flink.produce");
        assertThat(produce.get("wds.linkis.flink.app.fail-restart.switch").asText()).isEqualTo("OFF");
        assertThat(produce.get("wds.linkis.flink.app.start-auto-restore.switch").asText()).isEqualTo("OFF");
        assertThat(produce.get("wds.linkis.flink.checkpoint.switch").asText()).isEqualTo("OFF");
    }

    @Test
    void shouldRefuseAMetaJsonWithoutProjectName() throws Exception {
        String job = uniqueJob("noproject");
        String missing = seedMeta(job).replace("\"projectName\": \"default\",", "");
        String blank = seedMeta(job).replace("\"projectName\": \"default\"", "\"projectName\": \" \"");
        for (String meta : List.of(missing, blank)) {
            JsonNode r = api.upload(admin, "default", "job.zip", zip().add("meta.json", meta).bytes());
            assertThat(r.get("status").asInt()).as(r.toString()).isNotZero();
            assertThat(r.get("message").asText()).contains(JobImportService.MSG_NO_PROJECT);
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM linkis_stream_job WHERE name = ?", Long.class, job))
                .isZero();
    }
}
