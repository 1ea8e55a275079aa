package io.streamis.jobmanager.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.streamis.common.job.TaskStatus;
import io.streamis.jobmanager.job.JobMapper;
import io.streamis.jobmanager.job.StreamJob;
import io.streamis.jobmanager.monitor.MonitorCycle;
import io.streamis.jobmanager.task.TaskFact;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The platform's series ({@code streamis_*} in Prometheus): jobs by status, starts/stops/restarts/failures,
 * restore-point age and checkpoint failures per running job, monitor cycle time, open incidents and undelivered
 * alerts. Counters follow the published {@link TaskFact}s; database counts are cached for {@link #CACHE}, so a
 * scrape costs at most a few grouped queries.
 */
@Component
public class JobMetrics implements MeterBinder {

    private static final Duration CACHE = Duration.ofSeconds(5);

    /** What the newest checkpoint reading said about a job's running run. */
    private record Reading(String project, String job, Long latestCompletedTs, long failedTotal, int failedInARow) {
    }

    private final MetricsMapper counts;
    private final JobMapper jobs;
    private final Map<Long, Reading> running = new ConcurrentHashMap<>();
    /**
     * The per-job rows no longer match {@link #running}. Rebuilding them costs ~15–20 µs a job (7–10 ms at 500 running
     * jobs), so it is done once at the end of a monitor cycle, not on the thread that published a start, stop or
     * failure (a request thread) and not once per newly read job (quadratic in a cycle that reads them all).
     */
    private final AtomicBoolean rowsStale = new AtomicBoolean();
    private volatile MeterRegistry registry;
    private MultiGauge restorePointAge;
    private MultiGauge checkpointFailures;
    private MultiGauge checkpointFailuresInARow;
    private Timer cycle;
    private volatile Snapshot snapshot = new Snapshot(Map.of(), 0, Map.of(), 0, 0);

    private record Snapshot(Map<TaskStatus, Long> jobs, long neverStarted, Map<String, Long> undelivered,
                            long openIncidents, long at) {
    }

    public JobMetrics(MetricsMapper counts, JobMapper jobs) {
        this.counts = counts;
        this.jobs = jobs;
    }

    @Override
    public void bindTo(MeterRegistry r) {
        this.registry = r;
        for (TaskStatus s : TaskStatus.values()) {
            Gauge.builder("streamis.jobs", this, m -> m.fresh().jobs().getOrDefault(s, 0L)
                            + (s == TaskStatus.NOT_STARTED ? m.fresh().neverStarted() : 0))
                    .tag("status", s.name().toLowerCase(Locale.ROOT))
                    .description("Jobs by the status of their latest run").register(r);
        }
        for (String st : List.of("PENDING", "FAILED")) {
            Gauge.builder("streamis.alerts.undelivered", this, m -> m.fresh().undelivered().getOrDefault(st, 0L))
                    .tag("status", st.toLowerCase(Locale.ROOT))
                    .description("Alert deliveries not (yet) sent: pending retry or given up").register(r);
        }
        Gauge.builder("streamis.alerts.incidents.open", this, m -> m.fresh().openIncidents())
                .description("Open alert incidents").register(r);
        restorePointAge = MultiGauge.builder("streamis.restore.point.age").baseUnit("seconds")
                .description("Age of the newest completed checkpoint of each running job").register(r);
        checkpointFailures = MultiGauge.builder("streamis.checkpoint.failures")
                .description("Failed checkpoints of each running job's current run").register(r);
        checkpointFailuresInARow = MultiGauge.builder("streamis.checkpoint.failures.in.a.row")
                .description("Checkpoints failed since the newest completed one, per running job").register(r);
        cycle = Timer.builder("streamis.monitor.cycle").description("Time of one monitor poll cycle")
                .publishPercentileHistogram(false).register(r);
    }

    @EventListener
    public void on(TaskFact fact) {
        MeterRegistry r = registry;
        if (r == null) {
            return;
        }
        if (fact instanceof TaskFact.Started f) {
            Counter.builder("streamis.job.starts").tag("cause", f.cause()).description("Runs started").register(r)
                    .increment();
            forget(f.jobId());
        } else if (fact instanceof TaskFact.Stopped f) {
            Counter.builder("streamis.job.stops").description("Runs stopped on purpose").register(r).increment();
            forget(f.jobId());
        } else if (fact instanceof TaskFact.Restarted f) {
            Counter.builder("streamis.job.restarts").tag("by", f.byFlink() ? "flink" : "platform")
                    .description("Restarts: by the platform's auto-restart or by Flink's restart strategy")
                    .register(r).increment();
        } else if (fact instanceof TaskFact.Failed f) {
            Counter.builder("streamis.job.failures").tag("lost", Boolean.toString(f.lost()))
                    .description("Runs that failed (lost = missing from their cluster)").register(r).increment();
            forget(f.jobId());
        } else if (fact instanceof TaskFact.CheckpointsRead f) {
            Reading old = running.get(f.jobId());
            String project = old == null ? null : old.project();
            String job = old == null ? null : old.job();
            if (old == null) {
                StreamJob j = jobs.selectById(f.jobId());
                if (j == null) {
                    return;
                }
                project = j.projectName();
                job = j.name();
            }
            if (running.put(f.jobId(), new Reading(project, job, f.latestCompletedTs(), f.failedTotal(),
                    f.failedInARow())) == null) {
                rowsStale.set(true); // rows read the map when scraped; only a new job needs new rows
            }
        }
    }

    @EventListener
    public void on(MonitorCycle c) {
        if (cycle != null) {
            cycle.record(c.took());
        }
        if (rowsStale.getAndSet(false) && registry != null) {
            publishPerJob();
        }
    }

    /** Its rows read NaN from now on (they read the map) and are dropped at the end of the next monitor cycle. */
    private void forget(long jobId) {
        if (running.remove(jobId) != null) {
            rowsStale.set(true);
        }
    }

    private synchronized void publishPerJob() {
        List<MultiGauge.Row<?>> age = new ArrayList<>();
        List<MultiGauge.Row<?>> failures = new ArrayList<>();
        List<MultiGauge.Row<?>> inARow = new ArrayList<>();
        running.forEach((id, rd) -> {
            Tags tags = Tags.of("project", rd.project(), "job", rd.job());
            age.add(MultiGauge.Row.of(tags, () -> {
                Reading now = running.get(id);
                return now == null || now.latestCompletedTs() == null ? Double.NaN
                        : Math.max(0, System.currentTimeMillis() - now.latestCompletedTs()) / 1000.0;
            }));
            failures.add(MultiGauge.Row.of(tags, () -> {
                Reading now = running.get(id);
                return now == null ? Double.NaN : now.failedTotal();
            }));
            inARow.add(MultiGauge.Row.of(tags, () -> {
                Reading now = running.get(id);
                return now == null ? Double.NaN : now.failedInARow();
            }));
        });
        restorePointAge.register(age, true);
        checkpointFailures.register(failures, true);
        checkpointFailuresInARow.register(inARow, true);
    }

    private Snapshot fresh() {
        Snapshot s = snapshot;
        if (System.currentTimeMillis() - s.at() < CACHE.toMillis()) {
            return s;
        }
        synchronized (this) {
            s = snapshot;
            if (System.currentTimeMillis() - s.at() < CACHE.toMillis()) {
                return s;
            }
            Map<TaskStatus, Long> byStatus = new EnumMap<>(TaskStatus.class);
            for (Map<String, Object> row : counts.jobsByStatus()) {
                byStatus.put(TaskStatus.fromCode(((Number) value(row, "status")).intValue()),
                        ((Number) value(row, "n")).longValue());
            }
            Map<String, Long> undelivered = new HashMap<>();
            for (Map<String, Object> row : counts.undeliveredByStatus()) {
                undelivered.put(String.valueOf(value(row, "status")), ((Number) value(row, "n")).longValue());
            }
            s = new Snapshot(byStatus, counts.jobsNeverStarted(), undelivered, counts.openIncidents(),
                    System.currentTimeMillis());
            snapshot = s;
            return s;
        }
    }

    /** Column labels come back upper-case from H2 and as written from MariaDB. */
    private static Object value(Map<String, Object> row, String key) {
        Object v = row.get(key);
        return v != null ? v : row.get(key.toUpperCase(Locale.ROOT));
    }
}
