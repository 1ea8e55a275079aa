package io.streamis.launcher.yarn;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamis.common.error.ErrorCode;
import io.streamis.common.error.StreamisException;
import io.streamis.launcher.client.CheckpointStats;
import io.streamis.launcher.client.ClusterOverview;
import io.streamis.launcher.client.FlinkClusterException;
import io.streamis.launcher.client.FlinkClusterGateway;
import io.streamis.launcher.client.FlinkJobState;
import io.streamis.launcher.client.JobExceptions;
import io.streamis.launcher.client.JobMetrics;
import io.streamis.launcher.client.JobOverview;
import io.streamis.launcher.client.LogExcerpt;
import io.streamis.launcher.client.LogPage;
import io.streamis.launcher.client.RestFlinkClusterGateway;
import io.streamis.launcher.client.RunRequest;
import io.streamis.launcher.client.SavepointStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.apache.flink.runtime.util.EnvironmentInformation;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@code yarn-application} cluster seen through the same gateway as a session: every job-scoped call is routed
 * to the Flink REST of the application that runs the job, found by its tag. {@link #jobsOverview()} costs one
 * ResourceManager query for all of the platform's applications plus one Flink call per running application;
 * an application still being scheduled reports its job as INITIALIZING, and an ended one no longer lists it
 * (the caller's LOST-then-FAILED rule applies).
 */
public class YarnApplicationGateway implements FlinkClusterGateway {

    private static final Logger LOG = LoggerFactory.getLogger(YarnApplicationGateway.class);
    private static final Duration APP_CALL_TIMEOUT = Duration.ofSeconds(5);
    /**
     * Least time between two questions to YARN about one job's ended deployment. A start's verdict may wait up to
     * 90 s for the aggregated JobManager log, and the reconciler looks every 150 ms: without this each look cost a
     * ResourceManager query (and an HDFS read) per waiting start.
     */
    static final Duration ENDED_ASK_INTERVAL = Duration.ofSeconds(2);
    /** How long a ResourceManager answer stands in for a new query of {@link #deployments()}. */
    private static final long FRESH_NANOS = Duration.ofSeconds(1).toNanos();
    /** Shared by every YARN gateway; daemon threads, so they never keep the server alive. */
    private static final ExecutorService POLLERS = Executors.newFixedThreadPool(8, r -> {
        Thread t = new Thread(r, "streamis-yarn-poll");
        t.setDaemon(true);
        return t;
    });

    /** The last answer about a job's ended deployment and when (nanos) it was asked. */
    private record Recent(Optional<?> answer, long askedAt) {
    }

    /** A live application of ours: its id, state and Flink REST address (null until the JobManager is up). */
    /** {@code tagged}: carries this installation's own tag (an untagged one of an earlier version may be anyone's). */
    record App(String applicationId, YarnApplicationState state, String restUrl, long startTime, String name,
               boolean tagged) {
    }

    private final String name;
    private final YarnConnection yarn;
    private final ObjectMapper json;
    private final Map<String, App> byFlinkJob = new ConcurrentHashMap<>();
    private final Map<String, RestFlinkClusterGateway> rest = new ConcurrentHashMap<>();
    private final AggregatedLogs ended;
    private final LongSupplier nanoClock;
    private final String installationTag;
    private final Map<String, Recent> recentEnded = new ConcurrentHashMap<>();
    private volatile long refreshedAt = Long.MIN_VALUE / 2;

    public YarnApplicationGateway(String name, YarnConnection yarn, ObjectMapper json) {
        this(name, yarn, json, null);
    }

    /** {@code installationTag}: only applications of this installation are watched ({@link YarnTags#ours}). */
    public YarnApplicationGateway(String name, YarnConnection yarn, ObjectMapper json, String installationTag) {
        this(name, yarn, json, installationTag, System::nanoTime);
    }

    YarnApplicationGateway(String name, YarnConnection yarn, ObjectMapper json, String installationTag,
                           LongSupplier nanoClock) {
        this.name = name;
        this.yarn = yarn;
        this.json = json;
        this.ended = new AggregatedLogs(name, yarn);
        this.installationTag = installationTag;
        this.nanoClock = nanoClock;
    }

    @Override
    public String name() {
        return name;
    }

    /** The ResourceManager's web address (there is no cluster-wide Flink REST). */
    @Override
    public String restUrl() {
        return "http://" + yarn.conf().get("yarn.resourcemanager.webapp.address");
    }

    @Override
    public ClusterOverview overview() {
        List<App> apps = refresh().values().stream().toList();
        // The applications run the Flink this server ships (streamis-flink-lib), so its version is theirs.
        return new ClusterOverview(EnvironmentInformation.getVersion(), 0, 0, 0, (int) apps.stream()
                .filter(a -> a.state() == YarnApplicationState.RUNNING).count());
    }

    /**
     * The applications' Flink REST calls run side by side with a per-call deadline, so one hung JobManager neither
     * delays the others nor stalls the monitor's cycle.
     */
    @Override
    public Map<String, JobOverview> jobsOverview() {
        Map<String, CompletableFuture<JobOverview>> calls = new HashMap<>();
        refresh().forEach((flinkJobId, app) -> calls.put(flinkJobId, app.restUrl() == null
                ? CompletableFuture.completedFuture(null)
                : CompletableFuture.supplyAsync(() -> gateway(app).jobsOverview().get(flinkJobId), POLLERS)
                        .completeOnTimeout(null, APP_CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                        .exceptionally(e -> {
                            LOG.debug("Flink REST of application {} not answering: {}", app.applicationId(),
                                    e.toString());
                            return null;
                        })));
        Map<String, JobOverview> out = new HashMap<>();
        calls.forEach((flinkJobId, call) -> {
            JobOverview o = call.join();
            App app = byFlinkJob.get(flinkJobId);
            // Accepted but not yet running its job (or its JobManager not answering): starting, never "missing".
            out.put(flinkJobId, o != null ? o : new JobOverview(flinkJobId, app == null ? null : app.name(),
                    FlinkJobState.INITIALIZING, app == null ? 0 : app.startTime(), -1, 0, 0, 0));
        });
        return out;
    }

    /** One RM call: this installation's live applications, keyed by the Flink job id in their tags. */
    private Map<String, App> refresh() {
        Map<String, App> now = new HashMap<>();
        for (ApplicationReport r : yarn.liveApplications(YarnTags.PLATFORM)) {
            String flinkJobId = YarnTags.flinkJobId(r);
            if (flinkJobId != null && YarnTags.ours(r, installationTag)) {
                boolean up = r.getYarnApplicationState() == YarnApplicationState.RUNNING && r.getRpcPort() > 0
                        && r.getHost() != null && !"N/A".equals(r.getHost());
                now.put(flinkJobId, new App(r.getApplicationId().toString(), r.getYarnApplicationState(),
                        up ? "http://" + r.getHost() + ":" + r.getRpcPort() : null, r.getStartTime(), r.getName(),
                        installationTag != null && r.getApplicationTags().contains(installationTag)));
            }
        }
        byFlinkJob.keySet().retainAll(now.keySet());
        byFlinkJob.putAll(now);
        refreshedAt = nanoClock.getAsLong();
        return now;
    }

    /**
     * The live applications carrying this installation's tag, by Flink job id. Asked right after a poll, it reuses
     * that poll's ResourceManager answer (one query per cycle, not two).
     */
    @Override
    public Set<String> deployments() {
        Map<String, App> apps = nanoClock.getAsLong() - refreshedAt < FRESH_NANOS ? byFlinkJob : refresh();
        Set<String> out = new HashSet<>();
        apps.forEach((flinkJobId, app) -> {
            if (app.tagged()) {
                out.add(flinkJobId);
            }
        });
        return out;
    }

    /** The live application of a Flink job: the last poll's answer, or a fresh RM query when that one lacks it. */
    private App live(String flinkJobId, boolean needsRest) {
        App a = byFlinkJob.get(flinkJobId);
        return a == null || needsRest && a.restUrl() == null ? refresh().get(flinkJobId) : a;
    }

    private App app(String flinkJobId) {
        App a = live(flinkJobId, true);
        if (a == null) {
            throw new FlinkClusterException(ErrorCode.FLINK_UNAVAILABLE, 404, "No live YARN application runs Flink"
                    + " job " + flinkJobId + " on cluster '" + name + "'");
        }
        if (a.restUrl() == null) {
            throw new FlinkClusterException(ErrorCode.FLINK_UNAVAILABLE, 0, "YARN application " + a.applicationId()
                    + " is " + a.state() + "; its Flink REST is not up yet");
        }
        return a;
    }

    private RestFlinkClusterGateway gateway(App a) {
        return rest.computeIfAbsent(a.applicationId() + "|" + a.restUrl(),
                k -> new RestFlinkClusterGateway(name + "/" + a.applicationId(), a::restUrl, json));
    }

    private RestFlinkClusterGateway of(String flinkJobId) {
        return gateway(app(flinkJobId));
    }

    @Override
    public CheckpointStats checkpoints(String jobId) {
        return of(jobId).checkpoints(jobId);
    }

    @Override
    public String triggerSavepoint(String jobId, String targetDirectory) {
        return of(jobId).triggerSavepoint(jobId, targetDirectory);
    }

    @Override
    public String stopWithSavepoint(String jobId, String targetDirectory) {
        return of(jobId).stopWithSavepoint(jobId, targetDirectory);
    }

    @Override
    public SavepointStatus savepointStatus(String jobId, String requestId) {
        return of(jobId).savepointStatus(jobId, requestId);
    }

    @Override
    public void cancel(String jobId) {
        of(jobId).cancel(jobId);
    }

    @Override
    public JobExceptions exceptions(String jobId) {
        return of(jobId).exceptions(jobId);
    }

    @Override
    public JobMetrics metrics(String jobId) {
        return of(jobId).metrics(jobId);
    }

    /**
     * The JobManager container's log: through the application's Flink REST while it runs, from YARN's aggregated
     * logs once it has ended (when a failed job's log is wanted most).
     */
    @Override
    public LogPage jobManagerLog(String flinkJobId, int fromLine, int pageSize, String only, String ignore) {
        if (live(flinkJobId, false) == null) {
            return ended.page(flinkJobId, AggregatedLogs.JOB_MANAGER, fromLine, pageSize, only, ignore);
        }
        return of(flinkJobId).jobManagerLog(fromLine, pageSize, only, ignore);
    }

    @Override
    public LogPage taskManagerLog(String flinkJobId, int fromLine, int pageSize, String only, String ignore) {
        if (live(flinkJobId, false) == null) {
            return ended.page(flinkJobId, AggregatedLogs.TASK_MANAGER, fromLine, pageSize, only, ignore);
        }
        return of(flinkJobId).taskManagerLog(fromLine, pageSize, only, ignore);
    }

    /**
     * Once the application has ended, the failure lines of its aggregated JobManager log (the last part only; kept
     * per job once YARN's aggregation settled, so asking again costs no ResourceManager or HDFS call; until then
     * YARN is asked at most once per {@link #ENDED_ASK_INTERVAL}).
     */
    @Override
    public Optional<LogExcerpt> endedJobManagerExcerpt(String flinkJobId) {
        LogExcerpt known = ended.settledExcerpt(flinkJobId);
        if (known != null) {
            return known.lines().isEmpty() ? Optional.empty() : Optional.of(known);
        }
        return recently("excerpt " + flinkJobId, () -> {
            if (live(flinkJobId, false) != null) {
                return Optional.empty();
            }
            return ended.jobManagerExcerpt(flinkJobId).filter(e -> !e.lines().isEmpty());
        });
    }

    /**
     * {@code ask}'s answer, asked again only once {@link #ENDED_ASK_INTERVAL} has passed since the last time for
     * {@code key}; a failed question is not remembered.
     */
    @SuppressWarnings("unchecked")
    private <T> Optional<T> recently(String key, Supplier<Optional<T>> ask) {
        long now = nanoClock.getAsLong();
        long interval = ENDED_ASK_INTERVAL.toNanos();
        Recent r = recentEnded.get(key);
        if (r != null && now - r.askedAt() < interval) {
            return (Optional<T>) r.answer();
        }
        Optional<T> answer = ask.get();
        if (recentEnded.size() > 256) {
            recentEnded.values().removeIf(old -> now - old.askedAt() >= interval);
        }
        recentEnded.put(key, new Recent(answer, now));
        return answer;
    }

    /** Shuts the application down through its Flink REST; kills it through YARN when Flink does not answer. */
    @Override
    public void release(String flinkJobId) {
        App a = live(flinkJobId, false);
        if (a == null) {
            return;
        }
        try {
            if (a.restUrl() == null) {
                throw new IllegalStateException("no Flink REST");
            }
            gateway(a).shutDownCluster();
            LOG.info("YARN application {} of Flink job {} shut down", a.applicationId(), flinkJobId);
        } catch (RuntimeException e) {
            LOG.warn("YARN application {} did not shut down through Flink ({}); killing it", a.applicationId(),
                    e.toString());
            yarn.kill(a.applicationId());
        }
        byFlinkJob.remove(flinkJobId);
    }

    /**
     * A deployment whose application already ended (its JobManager died, or the application failed before the job
     * was listed): YARN's final state and diagnostics, which carry Flink's reason when it deregistered. The
     * ResourceManager is asked at most once per {@link #ENDED_ASK_INTERVAL} per job.
     */
    @Override
    public Optional<String> endedDeployment(String flinkJobId) {
        return recently("deployment " + flinkJobId, () -> yarn.endedApplications(YarnTags.flinkJob(flinkJobId))
                .stream().max(java.util.Comparator.comparingLong(ApplicationReport::getStartTime))
                .map(r -> "YARN application " + r.getApplicationId() + " ended " + r.getYarnApplicationState() + " ("
                        + r.getFinalApplicationStatus() + ")" + (r.getDiagnostics() == null
                        || r.getDiagnostics().isBlank() ? "" : ": " + r.getDiagnostics().trim())));
    }

    /** YARN's kill returns once the ResourceManager has completed it. */
    @Override
    public void releaseNow(String flinkJobId) {
        kill(flinkJobId);
    }

    /** Kills the application of {@code flinkJobId} through YARN (Flink is not asked). */
    public void kill(String flinkJobId) {
        App a = live(flinkJobId, false);
        if (a != null) {
            yarn.kill(a.applicationId());
            byFlinkJob.remove(flinkJobId);
        }
    }

    @Override
    public LogPage jobManagerLog(int fromLine, int pageSize, String onlyKeywords, String ignoreKeywords) {
        throw perJob("a JobManager log without a job");
    }

    @Override
    public LogPage taskManagerLog(int fromLine, int pageSize, String onlyKeywords, String ignoreKeywords) {
        throw perJob("a TaskManager log without a job");
    }

    @Override
    public List<String> taskManagerIds() {
        return List.of();
    }

    @Override
    public String uploadJar(Path jar) {
        throw perJob("jar uploads");
    }

    @Override
    public void deleteJar(String jarId) {
        throw perJob("jar uploads");
    }

    @Override
    public String runJar(String jarId, RunRequest request) {
        throw perJob("running an uploaded jar");
    }

    private StreamisException perJob(String what) {
        return new StreamisException(ErrorCode.ILLEGAL_STATE, "Cluster '" + name + "' deploys one YARN application"
                + " per job; " + what + " does not apply to it");
    }
}
