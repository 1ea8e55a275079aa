package io.streamis.server.yarn;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamis.launcher.hadoop.HadoopMiniClusters;
import io.streamis.server.StreamisServerApplication;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** A server whose default cluster is a yarn-application cluster on the given mini clusters, and a job for it. */
public final class YarnServers {

    public static final String SQL = """
            CREATE TABLE src (k INT, v STRING) WITH ('connector'='datagen','rows-per-second'='20',
              'fields.k.min'='1','fields.k.max'='10');
            CREATE TABLE snk (k INT, c BIGINT) WITH ('connector'='blackhole');
            INSERT INTO snk SELECT k, COUNT(*) FROM src GROUP BY k;
            """;

    private YarnServers() {
    }

    public static ConfigurableApplicationContext server(Path data, HadoopMiniClusters hadoop, String monitorInterval,
                                                        String... extraArgs) {
        List<String> args = new java.util.ArrayList<>(List.of(
                "--server.port=0",
                "--streamis.data-dir=" + data,
                "--streamis.server.admin-password=admin-password-1",
                "--spring.datasource.url=jdbc:h2:file:" + data.resolve("db/streamis")
                        + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;NON_KEYWORDS=KEY,VALUE",
                "--streamis.launcher.embedded.enabled=false",
                "--streamis.launcher.default-cluster=yarn",
                "--streamis.launcher.flink-lib-dir=" + System.getProperty("streamis.flinkLibDir",
                        "streamis-flink-lib/target/flink-lib"),
                "--streamis.launcher.clusters.yarn.type=yarn-application",
                "--streamis.launcher.clusters.yarn.hadoop-conf-dir=" + hadoop.confDir(),
                "--streamis.launcher.clusters.yarn.state-root=" + hadoop.hdfsUri() + "/streamis/state",
                "--streamis.launcher.clusters.yarn.java-home=" + System.getProperty("java.home"),
                "--streamis.jobmanager.monitor.interval=" + monitorInterval,
                "--streamis.jobmanager.monitor.lost-confirm-after=2s",
                "--streamis.jobmanager.restart.initial-backoff=300ms",
                "--streamis.jobmanager.operation-timeout=120s",
                "--logging.level.root=WARN"));
        // An extra argument replaces the default of the same key (Spring would join both values).
        for (String extra : extraArgs) {
            String key = extra.substring(0, extra.indexOf('=') + 1);
            args.removeIf(a -> a.startsWith(key));
        }
        args.addAll(List.of(extraArgs));
        return new SpringApplicationBuilder(StreamisServerApplication.class).run(args.toArray(String[]::new));
    }

    /** The job's applications YARN still runs (or is about to). */
    public static List<ApplicationReport> liveApplications(YarnClient yarn, long jobId) throws Exception {
        return yarn.getApplications(Set.of("Apache Flink"), EnumSet.of(YarnApplicationState.ACCEPTED,
                YarnApplicationState.RUNNING, YarnApplicationState.SUBMITTED), Set.of("streamis-job-" + jobId));
    }

    /** A stateful SQL job with small YARN containers, checkpoints every second, auto-restore and fail-restart ON. */
    public static byte[] sqlZip(String jobName) throws Exception {
        return sqlZip(jobName, SQL, true);
    }

    /** {@code sql} as a job with small YARN containers, checkpoints every second and auto-restore ON. */
    public static byte[] sqlZip(String jobName, String sql, boolean failRestart) throws Exception {
        return sqlZip(jobName, sql, failRestart, 1);
    }

    /** The same with {@code parallelism} one-slot TaskManagers of 1 GB each. */
    public static byte[] sqlZip(String jobName, String sql, boolean failRestart, int parallelism) throws Exception {
        String meta = """
                {"projectName":"default","jobName":"%s","jobType":"flink.sql",
                 "jobContent":{"type":"sql","sql":%s},"jobConfig":{
                  "wds.linkis.flink.resource":{"wds.linkis.flink.app.parallelism":"%s",
                    "wds.linkis.flink.jobmanager.memory":"768","wds.linkis.flink.taskmanager.memory":"1024",
                    "wds.linkis.flink.taskmanager.numberOfTaskSlots":"1","wds.linkis.flink.taskmanager.cpus":"1"},
                  "wds.linkis.flink.produce":{"wds.linkis.flink.checkpoint.switch":"ON",
                    "wds.linkis.flink.checkpoint.interval":"1000",
                    "wds.linkis.flink.app.start-auto-restore.switch":"ON",
                    "wds.linkis.flink.app.fail-restart.switch":"%s"}}}"""
                .formatted(jobName, new ObjectMapper().writeValueAsString(sql), parallelism,
                        failRestart ? "ON" : "OFF");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("meta.json"));
            z.write(meta.getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        return out.toByteArray();
    }
}
