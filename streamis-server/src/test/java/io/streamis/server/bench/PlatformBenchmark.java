package io.streamis.server.bench;

import io.streamis.bulk.BulkAction;
import io.streamis.bulk.BulkService;
import io.streamis.common.job.TaskStatus;
import io.streamis.jobmanager.job.JobMapper;
import io.streamis.jobmanager.lifecycle.StartCause;
import io.streamis.jobmanager.lifecycle.StartService;
import io.streamis.jobmanager.lifecycle.StopService;
import io.streamis.jobmanager.task.TaskMapper;
import io.streamis.jobmanager.upload.JobImportService;
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
 * 1. start latency ({@link StartLatency}): request → task RUNNING in the platform's table vs. the same jar run
 *    directly via Flink REST (/jars/:id/run → all tasks RUNNING), interleaved, back to back and after a pause, with
 *    a breakdown of the platform's time;
 * 2. bulk snapshot restart of N stateful SQL jobs vs. N sequential snapshot restarts.
 * Usage: PlatformBenchmark [N] [--cluster-url=http://host:8081] [--start-runs=41] [--start-warmup=40] [--start-only]
 */
public final class PlatformBenchmark {

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 && !args[0].startsWith("--") ? Integer.parseInt(args[0]) : 10;
        int runs = List.of(args).stream().filter(a -> a.startsWith("--start-runs=")).map(a -> a.substring(13))
                .mapToInt(Integer::parseInt).findFirst().orElse(41);
        int warmup = List.of(args).stream().filter(a -> a.startsWith("--start-warmup=")).map(a -> a.substring(15))
                .mapToInt(Integer::parseInt).findFirst().orElse(40);
        boolean onlyStart = List.of(args).contains("--start-only");
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
            StartLatency.run(ctx, runs, warmup);
            if (!onlyStart) {
                bulkVersusSequential(ctx, n);
            }
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
        awaitBulk(bulk, bulk.submit("admin", BulkAction.EXECUTION, ids, false, Map.of()));
        long t0 = System.nanoTime();
        TaskMapper tasks = ctx.getBean(TaskMapper.class);
        for (long id : ids) {
            stops.stop(jobs.selectById(id), true, "admin").join();
            long taskId = starts.start(id, "admin", null, StartCause.USER).taskId();
            while (tasks.selectById(taskId).taskStatus() != TaskStatus.RUNNING) {
                LockSupport.parkNanos(1_000_000L);
            }
        }
        long sequential = System.nanoTime() - t0;
        t0 = System.nanoTime();
        awaitBulk(bulk, bulk.submit("admin", BulkAction.PAUSE, ids, true, Map.of()));
        awaitBulk(bulk, bulk.submit("admin", BulkAction.EXECUTION, ids, false, Map.of()));
        long parallel = System.nanoTime() - t0;
        System.out.printf("snapshot restart of %d stateful SQL jobs: sequential %.1f s, bulk %.1f s, ratio %.2fx%n", n,
                sequential / 1e9, parallel / 1e9, (double) parallel / sequential);
        awaitBulk(bulk, bulk.submit("admin", BulkAction.PAUSE, ids, false, Map.of()));
    }

    /** Polls the operation until it finished (bounded): a benchmark's own wait, not the server's. */
    static void awaitBulk(BulkService bulk, long bulkId) {
        long deadline = System.nanoTime() + java.time.Duration.ofMinutes(10).toNanos();
        while (!bulk.operation(bulkId).finished() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(20_000_000L);
        }
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
