package io.streamis.server.bench;

import io.streamis.bulk.BulkAction;
import io.streamis.bulk.BulkService;
import io.streamis.jobmanager.job.JobMapper;
import io.streamis.jobmanager.lifecycle.StartCause;
import io.streamis.jobmanager.lifecycle.StartService;
import io.streamis.jobmanager.lifecycle.StopService;
import io.streamis.jobmanager.upload.JobImportService;
import io.streamis.launcher.client.FlinkClusterGateway;
import io.streamis.launcher.client.JobOverview;
import io.streamis.launcher.client.RunRequest;
import io.streamis.launcher.cluster.FlinkClusters;
import io.streamis.server.StreamisServerApplication;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.apache.commons.io.FileUtils;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Prints platform numbers on the embedded cluster (or a standalone one via --cluster-url):
 * 1. start latency: submit → all tasks RUNNING through the platform vs. the same jar run directly via Flink REST;
 * 2. bulk snapshot restart of N stateful SQL jobs vs. N sequential snapshot restarts.
 * Usage: PlatformBenchmark [N] [--cluster-url=http://host:8081]
 */
public final class PlatformBenchmark {

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 && !args[0].startsWith("--") ? Integer.parseInt(args[0]) : 10;
        String url = List.of(args).stream().filter(a -> a.startsWith("--cluster-url=")).map(a -> a.substring(14))
                .findFirst().orElse(null);
        Path data = Files.createTempDirectory("streamis-bench");
        List<String> props = new ArrayList<>(List.of("--server.port=0", "--streamis.data-dir=" + data,
                "--streamis.server.admin-password=bench-password", "--logging.level.root=WARN",
                "--streamis.launcher.embedded.slots=" + (n + 4), "--streamis.bulk.concurrency=8"));
        if (url != null) {
            props.addAll(List.of("--streamis.launcher.embedded.enabled=false", "--streamis.launcher.default-cluster=s",
                    "--streamis.launcher.clusters.s.type=standalone", "--streamis.launcher.clusters.s.rest-url=" + url));
        }
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(StreamisServerApplication.class)
                .run(props.toArray(String[]::new))) {
            startLatency(ctx);
            bulkVersusSequential(ctx, n);
        } finally {
            FileUtils.deleteQuietly(data.toFile());
        }
    }

    static byte[] zip(String name, String meta, byte[] jar) throws Exception {
        var bos = new java.io.ByteArrayOutputStream();
        try (var z = new java.util.zip.ZipOutputStream(bos)) {
            z.putNextEntry(new java.util.zip.ZipEntry("meta.json"));
            z.write(meta.getBytes());
            if (jar != null) {
                z.putNextEntry(new java.util.zip.ZipEntry(name));
                z.write(jar);
            }
        }
        return bos.toByteArray();
    }

    static void startLatency(ConfigurableApplicationContext ctx) throws Exception {
        byte[] jar = Files.readAllBytes(jarOfTestJob());
        String meta = """
                {"projectName":"default","jobName":"latency","jobType":"flink.jar","jobContent":{"main.class.jar":
                "count-job.jar","main.class":"io.streamis.server.testjob.CountJob"},"jobConfig":{
                "wds.linkis.flink.resource":{"wds.linkis.flink.app.parallelism":"1"},"wds.linkis.flink.produce":{}}}""";
        long jobId = ctx.getBean(JobImportService.class).importZip("admin", "default", "j.zip",
                new ByteArrayInputStream(zip("count-job.jar", meta, jar)), null).jobId();
        FlinkClusters clusters = ctx.getBean(FlinkClusters.class);
        FlinkClusterGateway g = clusters.get(clusters.defaultCluster());
        Path jarFile = Files.createTempFile("count-job", ".jar");
        Files.write(jarFile, jar);
        String jarId = g.uploadJar(jarFile);
        StartService starts = ctx.getBean(StartService.class);
        StopService stops = ctx.getBean(StopService.class);
        JobMapper jobs = ctx.getBean(JobMapper.class);
        List<Long> platform = new ArrayList<>();
        List<Long> direct = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            long t0 = System.nanoTime();
            starts.start(jobId, "admin", null, StartCause.USER);
            platform.add(System.nanoTime() - t0);
            stops.stop(jobs.selectById(jobId), false);

            t0 = System.nanoTime();
            String fid = g.runJar(jarId, new RunRequest("io.streamis.server.testjob.CountJob", List.of(), 1, null,
                    false, Map.of("pipeline.name", "direct")));
            while (true) {
                JobOverview o = g.jobsOverview().get(fid);
                if (o != null && o.allTasksRunning()) {
                    break;
                }
                LockSupport.parkNanos(20_000_000L);
            }
            direct.add(System.nanoTime() - t0);
            g.cancel(fid);
        }
        platform.remove(0);
        direct.remove(0);
        double p = median(platform) / 1e6;
        double d = median(direct) / 1e6;
        System.out.printf("start latency (submit -> all tasks RUNNING, median of 6 warm runs): platform %.0f ms,"
                + " direct Flink REST %.0f ms, ratio %.2fx%n", p, d, p / d);
    }

    static void bulkVersusSequential(ConfigurableApplicationContext ctx, int n) throws Exception {
        JobImportService imports = ctx.getBean(JobImportService.class);
        StartService starts = ctx.getBean(StartService.class);
        StopService stops = ctx.getBean(StopService.class);
        BulkService bulk = ctx.getBean(BulkService.class);
        JobMapper jobs = ctx.getBean(JobMapper.class);
        String sql = "CREATE TABLE src (k INT, v STRING) WITH ('connector'='datagen','rows-per-second'='10',"
                + "'fields.k.min'='1','fields.k.max'='10'); CREATE TABLE snk (k INT, c BIGINT) WITH"
                + " ('connector'='blackhole'); INSERT INTO snk SELECT k, COUNT(*) FROM src GROUP BY k;";
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String meta = """
                    {"projectName":"default","jobName":"bulk_%d","jobType":"flink.sql","jobContent":{"type":"sql",
                    "sql":"%s"},"jobConfig":{"wds.linkis.flink.resource":{"wds.linkis.flink.app.parallelism":"1"},
                    "wds.linkis.flink.produce":{"wds.linkis.flink.checkpoint.switch":"ON",
                    "wds.linkis.flink.checkpoint.interval":"2000"}}}""".formatted(i, sql);
            ids.add(imports.importZip("admin", "default", "b.zip", new ByteArrayInputStream(zip(null, meta, null)), null)
                    .jobId());
        }
        bulk.submit("admin", BulkAction.EXECUTION, ids, false, Map.of(), true);
        long t0 = System.nanoTime();
        for (long id : ids) {
            stops.stop(jobs.selectById(id), true);
            starts.start(id, "admin", null, StartCause.USER);
        }
        long sequential = System.nanoTime() - t0;
        t0 = System.nanoTime();
        bulk.submit("admin", BulkAction.PAUSE, ids, true, Map.of(), true);
        bulk.submit("admin", BulkAction.EXECUTION, ids, false, Map.of(), true);
        long parallel = System.nanoTime() - t0;
        System.out.printf("snapshot restart of %d stateful SQL jobs: sequential %.1f s, bulk %.1f s, ratio %.2fx%n", n,
                sequential / 1e9, parallel / 1e9, (double) parallel / sequential);
        bulk.submit("admin", BulkAction.PAUSE, ids, false, Map.of(), true);
    }

    static long median(List<Long> xs) {
        List<Long> s = new ArrayList<>(xs);
        s.sort(Long::compare);
        return s.get(s.size() / 2);
    }

    static Path jarOfTestJob() throws Exception {
        Path classes = Path.of("streamis-server/target/test-classes");
        if (!Files.exists(classes)) {
            classes = Path.of("target/test-classes");
        }
        Path out = Files.createTempFile("count-job", ".jar");
        try (var jar = new java.util.jar.JarOutputStream(Files.newOutputStream(out));
             var files = Files.list(classes.resolve("io/streamis/server/testjob"))) {
            for (Path f : files.toList()) {
                jar.putNextEntry(new java.util.jar.JarEntry(classes.relativize(f).toString()));
                Files.copy(f, jar);
            }
        }
        return out;
    }
}
