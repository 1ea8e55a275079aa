package io.streamis.server.bench;

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
import io.streamis.launcher.client.ClusterOverview;
import io.streamis.launcher.client.FlinkClusterGateway;
import io.streamis.launcher.client.JobOverview;
import io.streamis.launcher.client.RunRequest;
import io.streamis.launcher.cluster.FlinkClusters;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.flink.api.common.JobID;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;

/**
 * Start latency: request → task RUNNING in the platform's own table, against the same jar run directly through
 * Flink REST ({@code /jars/:id/run} → all tasks RUNNING in {@code /jobs/overview}), interleaved (platform, direct,
 * platform, …) so both see the same machine, after a warm-up of both paths (a server in service has its code
 * compiled; the first dozens of starts of a fresh JVM run interpreted code).
 *
 * <p>Every start, of either side, begins with the cluster idle: no job running and every slot free, so neither
 * side starts beside a job still being cleaned up after the other's cancel. Two scenarios:
 * <ul>
 *   <li><b>back to back</b>: each start as soon as the cluster is idle. Flink then runs the tasks within a few
 *       milliseconds of answering the run request, so the platform's own work shows in full;</li>
 *   <li><b>after a pause</b>: each start after the cluster has been idle for {@link #PAUSE_MS} ms, as a person's
 *       start usually finds it. Flink then needs tens of milliseconds after its answer to run the tasks.</li>
 * </ul>
 * The direct side looks at once after Flink's answer and then every {@link #DIRECT_LOOK_MS} ms, as often as the
 * platform's start follower looks at its most frequent.
 */
final class StartLatency {

    static final long PAUSE_MS = 100;
    static final long DIRECT_LOOK_MS = 5;
    private static final long DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final FlinkClusterGateway g;
    private final StartService starts;
    private final StopService stops;
    private final JobMapper jobs;
    private final TaskMapper tasks;
    private final long jobId;
    private final String jarId;
    private final Map<String, String> directConf;
    /** Where the request's time went, as each start reports it (planning, intent transaction, launch call). */
    private final List<StartLaunched> timings = new CopyOnWriteArrayList<>();
    /**
     * When the reconciler's RUNNING write committed: the fact it publishes right after that write, handed to the
     * waiting thread (which sleeps until then rather than reading the table on one of the two cores).
     */
    private final Map<Long, CompletableFuture<Long>> runningAt = new ConcurrentHashMap<>();

    private StartLatency(ConfigurableApplicationContext ctx) throws Exception {
        byte[] jar = Files.readAllBytes(PlatformBenchmark.jarOfTestJob());
        String meta = """
                {"projectName":"default","jobName":"latency","jobType":"flink.jar","jobContent":{"main.class.jar":
                "count-job.jar","main.class":"io.streamis.server.testjob.CountJob"},"jobConfig":{
                "wds.linkis.flink.resource":{"wds.linkis.flink.app.parallelism":"1"},"wds.linkis.flink.produce":{}}}""";
        jobId = ctx.getBean(JobImportService.class).importZip("admin", "default", "j.zip",
                new ByteArrayInputStream(PlatformBenchmark.zip("count-job.jar", meta, jar)), null).jobId();
        FlinkClusters clusters = ctx.getBean(FlinkClusters.class);
        g = clusters.get(clusters.defaultCluster());
        Path jarFile = Files.createTempFile("count-job", ".jar");
        Files.write(jarFile, jar);
        jarId = g.uploadJar(jarFile);
        starts = ctx.getBean(StartService.class);
        stops = ctx.getBean(StopService.class);
        jobs = ctx.getBean(JobMapper.class);
        tasks = ctx.getBean(TaskMapper.class);
        ctx.addApplicationListener((ApplicationListener<ApplicationEvent>) e -> {
            if (e instanceof PayloadApplicationEvent<?> pe && pe.getPayload() instanceof StartLaunched l) {
                timings.add(l);
            }
        });
        ctx.addApplicationListener((ApplicationListener<ApplicationEvent>) e -> {
            if (e instanceof PayloadApplicationEvent<?> pe && pe.getPayload() instanceof TaskFact.Running r
                    && r.taskId() != null) {
                runningAt.computeIfAbsent(r.taskId(), k -> new CompletableFuture<>()).complete(System.nanoTime());
            }
        });
        // The same job as Flink sees it: the Flink configuration the platform sends for it (its checkpoint and
        // savepoint directories, retention and the like), so the comparison is of the paths, not of two jobs.
        directConf = new LinkedHashMap<>(ctx.getBean(StartPreparation.class).prepare(jobId, null, false).launch()
                .spec().flinkConfiguration());
        directConf.put("pipeline.name", "direct");
        directConf.put("parallelism.default", "1");
    }

    /** Measures both scenarios, {@code runs} pairs each, after {@code warmup} pairs; prints the numbers. */
    static void run(ConfigurableApplicationContext ctx, int runs, int warmup) throws Exception {
        StartLatency s = new StartLatency(ctx);
        s.measure(warmup, 0);
        s.report("back to back", runs, s.measure(runs, 0));
        s.report("after a " + PAUSE_MS + " ms pause", runs, s.measure(runs, PAUSE_MS));
    }

    /** The measured pairs of one scenario. */
    private record Pairs(List<Long> platform, List<Long> direct, List<Long> request, List<Long> decided,
                         List<Integer> directLooks, List<StartLaunched> timings) {
    }

    private Pairs measure(int runs, long pauseMs) throws Exception {
        Pairs p = new Pairs(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < runs; i++) {
            awaitIdle(pauseMs);
            long t0 = System.nanoTime();
            StartOutcome o = starts.start(jobId, "admin", null, StartCause.USER);
            long answered = System.nanoTime();
            long running = awaitPlatformRunning(o.taskId());
            p.timings().add(timings.get(timings.size() - 1));
            stops.stop(jobs.selectById(jobId), false, "admin").join();

            awaitIdle(pauseMs);
            long t1 = System.nanoTime();
            // The platform names its runs up front too; both sides choose the id the same way.
            String fid = g.runJar(jarId, new RunRequest("io.streamis.server.testjob.CountJob", List.of(), 1, null,
                    false, directConf, JobID.generate().toHexString()));
            int looks = awaitDirect(fid, "running", ov -> ov != null && ov.allTasksRunning());
            long directRunning = System.nanoTime();
            g.cancel(fid);
            awaitDirect(fid, "cancelled", ov -> ov == null || ov.state().isGloballyTerminal());
            p.platform().add(running - t0);
            p.request().add(answered - t0);
            p.decided().add(running - answered);
            p.direct().add(directRunning - t1);
            p.directLooks().add(looks);
        }
        return p;
    }

    private long awaitPlatformRunning(long taskId) throws Exception {
        long running;
        try {
            running = runningAt.computeIfAbsent(taskId, k -> new CompletableFuture<>())
                    .get(DEADLINE_NANOS, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("task " + taskId + " not RUNNING within 60 s: " + tasks.selectById(taskId));
        }
        if (tasks.selectById(taskId).taskStatus() != TaskStatus.RUNNING) {
            throw new IllegalStateException("task " + taskId + " reported running, the table says "
                    + tasks.selectById(taskId));
        }
        return running;
    }

    /** Waits until no job runs and every slot is free, then {@code pauseMs} more. */
    private void awaitIdle(long pauseMs) {
        long deadline = System.nanoTime() + DEADLINE_NANOS;
        ClusterOverview o = g.overview();
        while (o.jobsRunning() > 0 || o.slotsAvailable() < o.slotsTotal()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("cluster not idle within 60 s: " + o);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
            o = g.overview();
        }
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(pauseMs));
    }

    /**
     * Looks at the direct job in {@code /jobs/overview} at once and then every {@link #DIRECT_LOOK_MS} until
     * {@code done}; returns how many looks it took.
     */
    private int awaitDirect(String flinkJobId, String what, Predicate<JobOverview> done) {
        long deadline = System.nanoTime() + DEADLINE_NANOS;
        for (int looks = 1; ; looks++) {
            JobOverview ov = g.jobsOverview().get(flinkJobId);
            if (done.test(ov)) {
                return looks;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("direct job " + flinkJobId + " not " + what + " within 60 s: " + ov);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(DIRECT_LOOK_MS));
        }
    }

    private void report(String scenario, int runs, Pairs p) {
        double platform = medianMs(p.platform());
        double direct = medianMs(p.direct());
        System.out.printf("start latency, %s (request -> task RUNNING in the platform's table vs. /jars/:id/run ->"
                + " all tasks RUNNING, median of %d interleaved warm runs): platform %.0f ms, direct Flink REST %.0f ms,"
                + " ratio %.2fx%n", scenario, runs, platform, direct, platform / direct);
        System.out.printf("  platform breakdown (medians): request %.1f ms = plan %.1f + intent %.1f + launch %.1f"
                        + " (+ record); launch answered -> RUNNING in the table %.1f ms%n",
                medianMs(p.request()),
                medianMs(p.timings().stream().map(x -> x.prepare().toNanos()).toList()),
                medianMs(p.timings().stream().map(x -> x.intent().toNanos()).toList()),
                medianMs(p.timings().stream().map(x -> x.launch().toNanos()).toList()),
                medianMs(p.decided()));
        System.out.printf("  platform runs (ms): %s%n  direct runs (ms):   %s%n", ms(p.platform()), ms(p.direct()));
        System.out.printf("  direct runs whose first look found every task running: %d of %d%n",
                p.directLooks().stream().filter(l -> l == 1).count(), p.directLooks().size());
    }

    private static double medianMs(List<Long> nanos) {
        return PlatformBenchmark.median(nanos) / 1e6;
    }

    private static String ms(List<Long> xs) {
        return xs.stream().map(x -> String.valueOf(Math.round(x / 1e6))).collect(Collectors.joining(" "));
    }
}
