package io.streamis.server.bench;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.streamis.jobmanager.job.JobMapper;
import io.streamis.jobmanager.job.StreamJob;
import io.streamis.jobmanager.metrics.JobMetrics;
import io.streamis.jobmanager.metrics.MetricsMapper;
import io.streamis.jobmanager.monitor.MonitorCycle;
import io.streamis.jobmanager.task.TaskFact;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Arrays;

/**
 * What a start, stop or failure fact costs the thread that publishes it (a request thread, the reconciler), and what
 * rebuilding the per-job metric rows costs at the end of a monitor cycle, with N running jobs on the Prometheus
 * registry the server uses. Before session 8 every such fact rebuilt the rows on the publishing thread, so its cost
 * was the rebuild's. Usage: MetricsRowsBenchmark [running jobs, default 500]
 */
public final class MetricsRowsBenchmark {

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        JobMetrics metrics = new JobMetrics(noCounts(), jobsNamedById());
        metrics.bindTo(registry);
        for (long id = 1; id <= n; id++) {
            metrics.on(new TaskFact.CheckpointsRead(id, id, System.currentTimeMillis(), 0, 0));
        }
        metrics.on(new MonitorCycle(Duration.ofMillis(1), n));
        int rounds = 40;
        double[] fact = new double[rounds];
        double[] rebuild = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long id = 1 + r % n;
            long t0 = System.nanoTime();
            metrics.on(new TaskFact.Started(id, id, "USER"));
            long t1 = System.nanoTime();
            metrics.on(new MonitorCycle(Duration.ofMillis(1), n));
            long t2 = System.nanoTime();
            fact[r] = (t1 - t0) / 1e6;
            rebuild[r] = (t2 - t1) / 1e6;
            metrics.on(new TaskFact.CheckpointsRead(id, id, System.currentTimeMillis(), 0, 0));
            metrics.on(new MonitorCycle(Duration.ofMillis(1), n));
        }
        System.out.printf("metric rows, %d running jobs (%d rows): a start fact on its publishing thread %.3f ms"
                + " median; the rows' rebuild at the cycle's end %.2f ms median (what every start, stop and failure"
                + " paid on its publishing thread before)%n", n, 3 * n, median(fact), median(rebuild));
        int rows = registry.scrape().split("\nstreamis_restore_point_age_seconds\\{").length - 1;
        if (rows != n) {
            throw new IllegalStateException("expected " + n + " restore-point age rows, the scrape has " + rows);
        }
    }

    /** A job mapper that knows every job by its id (the only call the metrics make). */
    private static JobMapper jobsNamedById() {
        return (JobMapper) Proxy.newProxyInstance(JobMapper.class.getClassLoader(), new Class<?>[] {JobMapper.class},
                (proxy, method, a) -> {
                    if (method.getName().equals("selectById")) {
                        long id = (Long) a[0];
                        return new StreamJob(id, "bench", "job" + id, "admin", LocalDateTime.now(), null, null,
                                "flink.sql", "admin", null, "v00001", true, 1);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    /** An empty database for the counts a scrape reads (no jobs by status, nothing undelivered). */
    private static MetricsMapper noCounts() {
        return (MetricsMapper) Proxy.newProxyInstance(MetricsMapper.class.getClassLoader(),
                new Class<?>[] {MetricsMapper.class},
                (proxy, method, a) -> method.getReturnType() == long.class ? 0L : java.util.List.of());
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private MetricsRowsBenchmark() {
    }
}
