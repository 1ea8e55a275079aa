package io.streamis.server.bench;

import io.streamis.bulk.BulkAction;
import io.streamis.bulk.BulkService;
import io.streamis.common.job.TaskStatus;
import io.streamis.jobmanager.job.JobMapper;
import io.streamis.jobmanager.lifecycle.StartCause;
import io.streamis.jobmanager.lifecycle.StartLaunched;
import io.streamis.jobmanager.lifecycle.StartOutcome;
import io.streamis.jobmanager.lifecycle.StartPreparation;
import io.streamis.jobmanager.lifecycle.StartService;
import io.streamis.jobmanager.lifecycle.StopService;
import io.streamis.jobmanager.task.TaskFact;
import io.streamis.jobmanager.task.TaskMapper;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.apache.commons.io.FileUtils;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;

/**
 * Prints platform numbers on the embedded cluster (or a standalone one via --cluster-url):
 * 1. start latency: request → task RUNNING in the platform's table vs. the same jar run directly via Flink REST
 *    (/jars/:id/run → all tasks RUNNING), interleaved, with a breakdown of the platform's time;
 * 2. bulk snapshot restart of N stateful SQL jobs vs. N sequential snapshot restarts.
 * Usage: PlatformBenchmark [N] [--cluster-url=http://host:8081] [--start-runs=21] [--start-only]
 */
public final class PlatformBenchmark {

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 && !args[0].startsWith("--") ? Integer.parseInt(args[0]) : 10;
        int runs = List.of(args).stream().filter(a -> a.startsWith("--start-runs=")).map(a -> a.substring(13))
                .mapToInt(Integer::parseInt).findFirst().orElse(21);
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
            startLatency(ctx, runs, warmup);
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

    static void startLatency(ConfigurableApplicationContext ctx, int runs, int warmup) throws Exception {
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
        TaskMapper tasks = ctx.getBean(TaskMapper.class);
        // Where the request's time went, as the start reports it (planning, intent transaction, launch call).
        List<StartLaunched> timings = new CopyOnWriteArrayList<>();
        ctx.addApplicationListener((ApplicationListener<ApplicationEvent>) e -> {
            if (e instanceof PayloadApplicationEvent<?> pe && pe.getPayload() instanceof StartLaunched l) {
                timings.add(l);
            }
        });
        // When the reconciler's RUNNING write committed: the fact it publishes right after that write, handed to the
        // waiting thread (which sleeps until then). Polling the table every millisecond instead put a busy reader on
        // one of the two cores while the platform worked.
        Map<Long, CompletableFuture<Long>> runningAt = new ConcurrentHashMap<>();
        ctx.addApplicationListener((ApplicationListener<ApplicationEvent>) e -> {
            if (e instanceof PayloadApplicationEvent<?> pe && pe.getPayload() instanceof TaskFact.Running r
                    && r.taskId() != null) {
                runningAt.computeIfAbsent(r.taskId(), k -> new CompletableFuture<>()).complete(System.nanoTime());
            }
        });
        // The same job as Flink sees it: the Flink configuration the platform sends for it (its checkpoint and
        // savepoint directories, retention and the like), so the comparison is of the paths, not of two jobs.
        Map<String, String> directConf = new java.util.LinkedHashMap<>(ctx.getBean(StartPreparation.class)
                .prepare(jobId, null, false).launch().spec().flinkConfiguration());
        directConf.put("pipeline.name", "direct");
        directConf.put("parallelism.default", "1");
        List<Long> platform = new ArrayList<>();
        List<Long> direct = new ArrayList<>();
        List<Long> request = new ArrayList<>();
        List<Long> decided = new ArrayList<>();
        List<Integer> directLooks = new ArrayList<>();
        // Interleaved (platform, direct, platform, direct…) so both see the same machine; the first pair warms up.
        for (int i = 1 - warmup; i <= runs; i++) {
            long t0 = System.nanoTime();
            StartOutcome o = starts.start(jobId, "admin", null, StartCause.USER);
            long answered = System.nanoTime();
            // As a user sees it: the task RUNNING in the platform's own table.
            long running;
            try {
                running = runningAt.computeIfAbsent(o.taskId(), k -> new CompletableFuture<>()).get(60, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                throw new IllegalStateException("task " + o.taskId() + " not RUNNING within 60 s: "
                        + tasks.selectById(o.taskId()));
            }
            if (tasks.selectById(o.taskId()).taskStatus() != TaskStatus.RUNNING) {
                throw new IllegalStateException("task " + o.taskId() + " reported running, the table says "
                        + tasks.selectById(o.taskId()));
            }
            stops.stop(jobs.selectById(jobId), false, "admin").join();

            long t1 = System.nanoTime();
            String fid = g.runJar(jarId, new RunRequest("io.streamis.server.testjob.CountJob", List.of(), 1, null,
                    false, directConf));
            int looks = awaitDirect(g, fid, "running", ov -> ov != null && ov.allTasksRunning(), Integer.getInteger("directPause", 20));
            long directRunning = System.nanoTime();
            g.cancel(fid);
            // The platform's side ended with its stop complete (join): so must this one, or the next platform
            // start would share the TaskManager with a job still cancelling and pay for it.
            awaitDirect(g, fid, "cancelled", ov -> ov == null || ov.state().isGloballyTerminal(), 5);
            if (i > 0) {
                platform.add(running - t0);
                request.add(answered - t0);
                decided.add(running - answered);
                direct.add(directRunning - t1);
                directLooks.add(looks);
            }
        }
        List<StartLaunched> measured = timings.subList(timings.size() - runs, timings.size());
        double p = median(platform) / 1e6;
        double d = median(direct) / 1e6;
        System.out.printf("start latency (request -> task RUNNING in the platform's table vs. /jars/:id/run -> all"
                + " tasks RUNNING, median of %d interleaved warm runs): platform %.0f ms, direct Flink REST %.0f ms,"
                + " ratio %.2fx%n", runs, p, d, p / d);
        System.out.printf("  platform breakdown (medians): request %.1f ms = plan %.1f + intent %.1f + launch %.1f"
                        + " (+ record); launch answered -> RUNNING in the table %.1f ms%n", median(request) / 1e6,
                median(measured.stream().map(x -> x.prepare().toNanos()).toList()) / 1e6,
                median(measured.stream().map(x -> x.intent().toNanos()).toList()) / 1e6,
                median(measured.stream().map(x -> x.launch().toNanos()).toList()) / 1e6, median(decided) / 1e6);
        System.out.printf("  platform runs (ms): %s%n  direct runs (ms):   %s%n", ms(platform), ms(direct));
        System.out.printf("  direct runs whose first look found every task running: %d of %d%n",
                directLooks.stream().filter(l -> l == 1).count(), directLooks.size());
    }

    /**
     * Looks at the direct job in {@code /jobs/overview} at once and then every {@code pauseMs} until {@code done};
     * returns how many looks it took.
     */
    private static int awaitDirect(FlinkClusterGateway g, String flinkJobId, String what,
                                    java.util.function.Predicate<JobOverview> done, long pauseMs) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        for (int looks = 1; ; looks++) {
            JobOverview ov = g.jobsOverview().get(flinkJobId);
            if (done.test(ov)) {
                return looks;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("direct job " + flinkJobId + " not " + what + " within 60 s: " + ov);
            }
            LockSupport.parkNanos(pauseMs * 1_000_000L);
        }
    }

    private static String ms(List<Long> xs) {
        return xs.stream().map(x -> String.valueOf(Math.round(x / 1e6))).collect(Collectors.joining(" "));
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
