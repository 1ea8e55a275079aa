package io.streamis.server.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.streamis.server.identity.UserService;
import io.streamis.server.support.ApiTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The seeded failure catalogue against verbatim Flink, Hadoop and Kafka failure messages (as Flink 1.20 and the
 * clients print them), and admin-only editing. The real-job case (an unknown SQL connector) is in the Flink
 * suite ({@code AlertsAndDiagnosisFlinkTest}).
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
abstract class AbstractDiagnosisApiTest {

    static final String DIAG = "/streamis/streamJobManager/diagnosis";

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired UserService users;

    ApiTestSupport api;
    MockHttpSession admin;

    @BeforeEach
    void setUp() throws Exception {
        api = new ApiTestSupport(mvc, json);
        admin = api.login("admin", "admin-password-1");
    }

    JsonNode match(String text) throws Exception {
        JsonNode r = api.postJson(admin, DIAG + "/match",
                json.writeValueAsString(JsonNodeFactory.instance.objectNode().put("text", text)));
        assertThat(r.get("status").asInt()).as(r.toString()).isZero();
        return r.at("/data/diagnosis");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        STATE_OPERATOR_UNMAPPED | java.lang.IllegalStateException: Failed to rollback to checkpoint/savepoint file:/data/sp/savepoint-7f3a2b-0c1d2e3f4a5b. Cannot map checkpoint/savepoint state for operator 2d3e8f0a1b2c3d4e5f60718293a4b5c6 to the new program, because the operator is not available in the new program. If you want to allow to skip this, you can set the --allowNonRestoredState option on the CLI.
        STATE_INCOMPATIBLE      | org.apache.flink.util.StateMigrationException: The new state serializer (org.apache.flink.api.common.typeutils.base.LongSerializer@7c1e2a9) must not be incompatible with the old state serializer (org.apache.flink.api.common.typeutils.base.StringSerializer@3b8f0e1).
        STATE_POINT_BROKEN      | org.apache.flink.runtime.client.JobInitializationException: Could not start the JobMaster. (caused by java.io.IOException: Unexpected magic number. This can have multiple reasons: (1) You are trying to load a Flink 1.0 savepoint, which is not supported by this version of Flink. (2) The file you were pointing to is not a savepoint at all. (3) The savepoint file has been corrupted.)
        STATE_POINT_BROKEN      | java.io.FileNotFoundException: Cannot find checkpoint or savepoint file/directory 'hdfs://nn:8020/streamis/state/default/orders/savepoints/savepoint-3c1b2a-5d6e7f8a9b0c' on file system 'hdfs'.
        CONNECTOR_MISSING       | org.apache.flink.table.api.ValidationException: Could not find any factory for identifier 'kafka' that implements 'org.apache.flink.table.factories.DynamicTableFactory' in the classpath.
        CONNECTOR_CLASS_MISSING | java.lang.ClassNotFoundException: org.apache.flink.connector.jdbc.table.JdbcDynamicTableFactory
        CLASS_NOT_FOUND         | Caused by: java.lang.NoClassDefFoundError: com/fasterxml/jackson/databind/ObjectMapper
        CLASS_CONFLICT          | java.lang.NoSuchMethodError: 'void com.google.common.base.Preconditions.checkArgument(boolean, java.lang.String, java.lang.Object)'
        CLASS_CONFLICT          | java.lang.LinkageError: loader constraint violation: when resolving method 'org.slf4j.ILoggerFactory org.slf4j.impl.StaticLoggerBinder.getLoggerFactory()' the class loader org.apache.flink.util.ChildFirstClassLoader @5a2b1c3d of the current class, org/slf4j/LoggerFactory, and the class loader 'app' for the method's defining class have different Class objects
        OOM_HEAP                | java.lang.OutOfMemoryError: Java heap space
        OOM_METASPACE           | java.lang.OutOfMemoryError: Metaspace. The metaspace out-of-memory error has occurred. This can mean two things: either the job requires a larger size of JVM metaspace to load classes or there is a class loading leak.
        OOM_DIRECT              | java.lang.OutOfMemoryError: Direct buffer memory. The direct out-of-memory error has occurred. This can mean two things: either job(s) require(s) a larger size of JVM direct memory or there is a direct memory leak.
        OOM_CONTAINER           | Container [pid=23817,containerID=container_1700000000000_0001_01_000002] is running beyond physical memory limits. Current usage: 4.1 GB of 4 GB physical memory used; 6.2 GB of 8.4 GB virtual memory used. Killing container.
        CHECKPOINT_TIMEOUT      | org.apache.flink.util.FlinkRuntimeException: Exceeded checkpoint tolerable failure threshold. The latest checkpoint failed due to Checkpoint expired before completing., view the Checkpoint History tab or the Job Manager log to find out why continuous checkpoints failed.
        CHECKPOINT_DECLINED     | org.apache.flink.runtime.checkpoint.CheckpointException: Checkpoint was declined.
        KERBEROS_AUTH           | org.apache.hadoop.security.KerberosAuthException: Login failure for user: flink@EXAMPLE.COM from keytab /etc/security/flink.keytab javax.security.auth.login.LoginException: Unable to obtain password from user
        KAFKA_AUTH              | org.apache.kafka.common.errors.SaslAuthenticationException: Authentication failed during authentication due to invalid credentials with SASL mechanism SCRAM-SHA-256
        KAFKA_AUTH              | org.apache.kafka.common.errors.TopicAuthorizationException: Not authorized to access topics: [orders]
        HDFS_PERMISSION         | org.apache.hadoop.security.AccessControlException: Permission denied: user=etl, access=WRITE, inode="/flink/checkpoints":hdfs:supergroup:drwxr-xr-x
        YARN_QUEUE              | org.apache.hadoop.yarn.exceptions.YarnException: Failed to submit application_1700000000000_0001 to YARN : Application application_1700000000000_0001 submitted by user etl to unknown queue: nosuchqueue
        YARN_RESOURCES          | org.apache.flink.runtime.jobmanager.scheduler.NoResourceAvailableException: Could not acquire the minimum required resources.
        """)
    void seededPatternsExplainRealFailureMessages(String code, String message) throws Exception {
        JsonNode d = match("2026-11-30 03:00:00.000 INFO starting\n" + message + "\n\tat org.example.Job.main(Job.java:1)");
        assertThat(d.isObject()).as("no diagnosis for " + message).isTrue();
        assertThat(d.get("code").asText()).isEqualTo(code);
        assertThat(d.get("explanation").asText()).isNotBlank().doesNotContain("%s");
        assertThat(d.get("explanationEn").asText()).isNotBlank().doesNotContain("%s");
        assertThat(d.get("solution").asText()).isNotBlank();
        assertThat(d.get("matched").asText()).isEqualTo(message.strip());
        assertThat(d.get("source").asText()).isEqualTo("GIVEN_TEXT");
    }

    @Test
    void placeholdersAreFilledFromTheMatch() throws Exception {
        JsonNode d = match("Could not find any factory for identifier 'nope' that implements"
                + " 'org.apache.flink.table.factories.DynamicTableFactory' in the classpath.");
        assertThat(d.get("explanationEn").asText()).contains("'nope'").contains("DynamicTableFactory");
        JsonNode h = match("org.apache.hadoop.security.AccessControlException: Permission denied: user=etl,"
                + " access=WRITE");
        assertThat(h.get("explanation").asText()).contains("etl");
    }

    @Test
    void theSeededChineseTextsUseChineseWordsAndKeepNames() throws Exception {
        assertThat(match("java.lang.OutOfMemoryError: Direct buffer memory").get("explanation").asText())
                .isEqualTo("内存溢出：直接内存不足，常见于网络缓冲或使用堆外内存的连接器。");
        JsonNode patterns = api.call(get(ApiTestSupport.API + DIAG + "/patterns").session(admin)).at("/data/patterns");
        int seeded = 0;
        for (JsonNode p : patterns) {
            if (!p.get("updateBy").isNull()) {
                continue; // an admin's own row (another test's), not the seed
            }
            seeded++;
            for (String zh : new String[] {p.get("errorDesc").asText(), p.get("solution").asText()}) {
                // Names (dotted config keys such as execution.checkpointing.timeout) are written as they are.
                String words = zh.replaceAll("[A-Za-z0-9_*-]+(?:\\.[A-Za-z0-9_*-]+)+(?:=[A-Za-z0-9_.-]+)?", "")
                        .toLowerCase(java.util.Locale.ROOT);
                assertThat(words).as(p.get("errorCode").asText() + ": " + zh).doesNotContain("direct buffer",
                        "metaspace", "checkpoint", "savepoint", "slot", "classpath", "topic", "managed");
            }
            if (p.get("errorCode").asText().equals("CHECKPOINT_TIMEOUT")) {
                assertThat(p.get("solution").asText()).contains("execution.checkpointing.unaligned");
            }
        }
        assertThat(seeded).as("the seeded catalogue").isGreaterThanOrEqualTo(17);
    }

    @Test
    void anUnknownFailureHasNoDiagnosis() throws Exception {
        assertThat(match("java.lang.RuntimeException: the business rule 42 was violated").isNull()).isTrue();
    }

    @Test
    void onlyAdminsEditTheCatalogueAndABadRegexIsRefused() throws Exception {
        String name = "plain" + System.nanoTime();
        users.create(name, "password-1");
        MockHttpSession plain = api.login(name, "password-1");
        String body = "{\"errorCode\":\"BIZ_RULE\",\"errorType\":\"APP\",\"priority\":1,"
                + "\"errorRegex\":\"business rule ([0-9]+) was violated\",\"errorDesc\":\"业务规则 %s 被违反\","
                + "\"errorDescEn\":\"business rule %s was violated\",\"solution\":\"检查输入\",\"solutionEn\":\"check\"}";
        assertThat(api.postJson(plain, DIAG + "/patterns", body).get("status").asInt()).isEqualTo(3);
        JsonNode bad = api.postJson(admin, DIAG + "/patterns", body.replace("([0-9]+)", "([0-9]+"));
        assertThat(bad.get("status").asInt()).isEqualTo(2);
        assertThat(bad.get("message").asText()).contains("does not compile");
        JsonNode zh = api.call(post(ApiTestSupport.API + DIAG + "/patterns").session(admin)
                .header("Accept-Language", "zh-CN").contentType(MediaType.APPLICATION_JSON)
                .content(body.replace("([0-9]+)", "([0-9]+")));
        assertThat(zh.get("message").asText()).startsWith("errorRegex 无法编译：").endsWith("附近）");
        zh = api.call(post(ApiTestSupport.API + DIAG + "/patterns").session(plain)
                .header("Accept-Language", "zh-CN").contentType(MediaType.APPLICATION_JSON).content(body));
        assertThat(zh.get("message").asText()).isEqualTo("只有管理员可以编辑失败诊断目录");

        JsonNode created = api.postJson(admin, DIAG + "/patterns", body);
        assertThat(created.get("status").asInt()).as(created.toString()).isZero();
        long id = created.at("/data/pattern/id").asLong();
        assertThat(match("java.lang.RuntimeException: the business rule 42 was violated").get("explanationEn")
                .asText()).isEqualTo("business rule 42 was violated");
        JsonNode off = api.call(put(ApiTestSupport.API + DIAG + "/patterns/" + id).session(admin)
                .contentType(MediaType.APPLICATION_JSON).content(body.replace("\"priority\":1,",
                        "\"priority\":1,\"enabled\":false,")));
        assertThat(off.get("status").asInt()).as(off.toString()).isZero();
        assertThat(match("the business rule 42 was violated").isNull()).isTrue();
        assertThat(api.call(get(ApiTestSupport.API + DIAG + "/patterns").session(plain)).at("/data/patterns")
                .size()).isGreaterThanOrEqualTo(18);
        assertThat(api.call(delete(ApiTestSupport.API + DIAG + "/patterns/" + id).session(admin)).get("status")
                .asInt()).isZero();
    }
}
