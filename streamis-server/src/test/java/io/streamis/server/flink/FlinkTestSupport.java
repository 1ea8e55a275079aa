package io.streamis.server.flink;

import static io.streamis.server.support.Zips.quote;
import static io.streamis.server.support.Zips.zip;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamis.server.support.ApiTestSupport;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.springframework.mock.web.MockHttpSession;

/** Builds job packages for the Flink tests and waits (polling with a deadline) for what they expect. */
public final class FlinkTestSupport {

    static final String STATEFUL_SQL = """
            CREATE TABLE src (k INT, v STRING) WITH ('connector'='datagen','rows-per-second'='20',
              'fields.k.min'='1','fields.k.max'='10');
            CREATE TABLE snk (k INT, c BIGINT) WITH ('connector'='blackhole');
            INSERT INTO snk SELECT k, COUNT(*) FROM src GROUP BY k;
            """;

    private FlinkTestSupport() {
    }

    public static String produce(String intervalMs, boolean failRestart, String extraCustom) {
        return """
                "wds.linkis.flink.resource":{"wds.linkis.flink.app.parallelism":"1"},
                "wds.linkis.flink.custom":{%s},
                "wds.linkis.flink.produce":{"wds.linkis.flink.checkpoint.switch":"ON",
                  "wds.linkis.flink.checkpoint.interval":"%s",
                  "wds.linkis.flink.app.start-auto-restore.switch":"ON",
                  "wds.linkis.flink.app.fail-restart.switch":"%s"}"""
                .formatted(extraCustom == null ? "" : extraCustom, intervalMs, failRestart ? "ON" : "OFF");
    }

    static byte[] sqlZip(String job, String config) {
        return sqlZip(job, STATEFUL_SQL, config);
    }

    static byte[] sqlZip(String job, String sql, String config) {
        return zip().add("meta.json", """
                {"projectName":"default","jobName":"%s","jobType":"flink.sql",
                 "jobContent":{"type":"sql","sql":%s},"jobConfig":{%s}}"""
                .formatted(job, quote(sql), config)).bytes();
    }

    static byte[] jarZip(String job, byte[] jar, String config) {
        return zip().add("meta.json", """
                {"projectName":"default","jobName":"%s","jobType":"flink.jar",
                 "jobContent":{"main.class.jar":"count-job.jar","main.class":"io.streamis.server.testjob.CountJob",
                   "args":["--rate","40"]},"jobConfig":{%s}}""".formatted(job, config))
                .add("count-job.jar", jar).bytes();
    }

    /** Packs the test job classes into a user jar, as a team would ship it. */
    public static byte[] countJobJar() throws IOException {
        Path classes = Path.of("target/test-classes");
        Path pkg = classes.resolve("io/streamis/server/testjob");
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        java.io.ByteArrayOutputStream bos = new java.io.ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bos, mf); Stream<Path> files = Files.list(pkg)) {
            for (Path f : files.toList()) {
                jar.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, (OutputStream) jar);
                jar.closeEntry();
            }
        }
        return bos.toByteArray();
    }

    static JsonNode await(String what, Duration timeout, Callable<JsonNode> probe,
                          java.util.function.Predicate<JsonNode> done) {
        JsonNode[] last = new JsonNode[1];
        try {
            Awaitility.await(what).atMost(timeout).pollInterval(Duration.ofMillis(250)).until(() -> {
                last[0] = probe.call();
                return done.test(last[0]);
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError(what + " not reached within " + timeout + "; last answer: " + last[0], e);
        }
        return last[0];
    }

    /**
     * Waits until the job's latest run from {@code fromTaskId} on (the start's own task, or a later step back) is
     * RUNNING in the platform's table: a start returns with its task STARTING and the reconciler decides.
     */
    public static io.streamis.jobmanager.task.StreamTask awaitRunning(io.streamis.jobmanager.task.TaskMapper tasks,
                                                                      long jobId, long fromTaskId, Duration timeout) {
        io.streamis.jobmanager.task.StreamTask[] last = new io.streamis.jobmanager.task.StreamTask[1];
        try {
            Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(100)).until(() -> {
                last[0] = tasks.selectLatest(jobId);
                return last[0] != null && last[0].id() >= fromTaskId
                        && last[0].taskStatus() == io.streamis.common.job.TaskStatus.RUNNING;
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("job " + jobId + " not RUNNING within " + timeout + "; latest task: " + last[0], e);
        }
        return last[0];
    }

    static JsonNode status(ApiTestSupport api, MockHttpSession s, long jobId) throws Exception {
        return api.call(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .put(ApiTestSupport.API + "/streamis/streamJobManager/job/status").session(s)
                .contentType("application/json").content("{\"id_list\":[" + jobId + "]}")).at("/data/result/0");
    }

    static JsonNode snapshots(ApiTestSupport api, MockHttpSession s, long jobId) throws Exception {
        return api.call(get(ApiTestSupport.API + "/streamis/streamJobManager/job/snapshots").session(s)
                .param("jobId", String.valueOf(jobId))).at("/data/snapshots");
    }

    public static String normalise(String path) {
        String p = path.replaceFirst("^file:/+", "/");
        return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}
