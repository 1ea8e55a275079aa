package io.streamis.jobmanager;

import io.streamis.jobmanager.monitor.CancelledOutside;
import io.streamis.launcher.client.RestFlinkClusterGateway;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the job manager (prefix {@code streamis.jobmanager}).
 *
 * @param materialRoot     where job-version files and project resource files are stored
 * @param admins           users with every right on every job ({@code wds.streamis.developer})
 * @param upload           limits applied to imported zips
 * @param contentEditEnable whether args may be edited ({@code wds.streamis.job.content.edit.enable})
 * @param argsMaxLength    cap on the length of edited args ({@code wds.streamis.default.args.length})
 * @param projectNameStrictCheck reject a meta.json whose projectName differs from the request's
 * @param monitor          the status poll loop
 * @param restart          the auto-restart budget for jobs with fail-restart ON
 * @param operationTimeout how long a start may take to run all its tasks, and stop/savepoint wait for Flink,
 *                         before giving up
 * @param taskLogRoot      where the platform's launch log of every task is written
 * @param restoreRoots     directories (paths or URIs) under which a user may confirm any restore path, besides the
 *                         job's own state directories (e.g. a shared savepoint area for migrations)
 * @param alerts           delivery of alerts to the projects' channels
 * @param lease            the leader lease nodes sharing the database elect their one actor with
 */
@ConfigurationProperties(prefix = "streamis.jobmanager")
public record StreamisJobManagerProperties(Path materialRoot, List<String> admins, Upload upload,
                                           Boolean contentEditEnable, Integer argsMaxLength,
                                           Boolean projectNameStrictCheck, Monitor monitor, Restart restart,
                                           Duration operationTimeout, Path taskLogRoot,
                                           List<String> restoreRoots, Alerts alerts, Lease lease) {

    public StreamisJobManagerProperties {
        materialRoot = materialRoot == null ? Path.of("data", "materials") : materialRoot;
        admins = admins == null ? List.of() : List.copyOf(admins);
        upload = upload == null ? new Upload(null, null, null) : upload;
        contentEditEnable = contentEditEnable == null ? Boolean.TRUE : contentEditEnable;
        argsMaxLength = argsMaxLength == null ? 2000 : argsMaxLength;
        projectNameStrictCheck = projectNameStrictCheck == null ? Boolean.TRUE : projectNameStrictCheck;
        monitor = monitor == null ? new Monitor(null, null, null, null, null, null) : monitor;
        restart = restart == null ? new Restart(null, null, null, null, null, null) : restart;
        operationTimeout = operationTimeout == null ? Duration.ofMinutes(2) : operationTimeout;
        if (operationTimeout.compareTo(MIN_OPERATION_TIMEOUT) < 0) {
            // A stop's request may spend a connect and a call deadline on an unanswering JobManager before it
            // decides; an intent given up sooner would be settled under the requester's feet.
            throw new IllegalArgumentException("streamis.jobmanager.operation-timeout must be at least "
                    + MIN_OPERATION_TIMEOUT.toSeconds() + " s (a call to Flink may take "
                    + RestFlinkClusterGateway.CALL_TIMEOUT.toSeconds() + " s before it is given up), not "
                    + operationTimeout.toSeconds() + " s");
        }
        taskLogRoot = taskLogRoot == null ? materialRoot.resolveSibling("task-logs") : taskLogRoot;
        restoreRoots = restoreRoots == null ? List.of() : List.copyOf(restoreRoots);
        alerts = alerts == null ? new Alerts(null, null, null, null, null, null, null) : alerts;
        lease = lease == null ? new Lease(null) : lease;
    }

    /** Twice a Flink call's deadline: a stop's request decides well before its intent counts as abandoned. */
    public static final Duration MIN_OPERATION_TIMEOUT = RestFlinkClusterGateway.CALL_TIMEOUT.multipliedBy(2);

    /**
     * @param period how long a leader's term lasts without renewal (renewed every third of it); a node that loses
     *               the lease stops acting within one period, and a dead leader is replaced after at most one
     */
    public record Lease(Duration period) {
        public Lease {
            period = period == null ? Duration.ofSeconds(15) : period;
        }
    }

    /**
     * @param pollInterval   how often the delivery worker looks for due deliveries in the outbox
     * @param maxAttempts    deliveries tried this often before they are left FAILED (still listed, resendable)
     * @param initialBackoff wait before the first retry; doubles per attempt
     * @param maxBackoff     cap of the retry back-off
     * @param httpTimeout    connect and answer timeout of webhook and chat deliveries
     * @param mailFrom       sender address of alert e-mails
     * @param mailDomain     when set, a notified user {@code u} also gets mail at {@code u@mailDomain}
     */
    public record Alerts(Duration pollInterval, Integer maxAttempts, Duration initialBackoff, Duration maxBackoff,
                         Duration httpTimeout, String mailFrom, String mailDomain) {
        public Alerts {
            pollInterval = pollInterval == null ? Duration.ofSeconds(2) : pollInterval;
            maxAttempts = maxAttempts == null ? 8 : maxAttempts;
            initialBackoff = initialBackoff == null ? Duration.ofSeconds(5) : initialBackoff;
            maxBackoff = maxBackoff == null ? Duration.ofMinutes(10) : maxBackoff;
            httpTimeout = httpTimeout == null ? Duration.ofSeconds(10) : httpTimeout;
            mailFrom = mailFrom == null || mailFrom.isBlank() ? "streamis@localhost" : mailFrom;
        }

        /** Wait before retry number {@code attempt} (1 = the first retry): exponential, capped. */
        public Duration backoff(int attempt) {
            Duration d = initialBackoff.multipliedBy(1L << Math.min(Math.max(attempt - 1, 0), 20));
            return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
        }
    }

    /**
     * Zip limits; a zip over any of them is refused before anything is stored.
     *
     * @param maxEntries      most entries a zip may hold
     * @param maxUnpackedSize most bytes all entries may unpack to (zip-bomb guard)
     * @param stagingDir      where zips are unpacked while being checked
     */
    public record Upload(Integer maxEntries, DataSize maxUnpackedSize, Path stagingDir) {
        public Upload {
            maxEntries = maxEntries == null ? 200 : maxEntries;
            maxUnpackedSize = maxUnpackedSize == null ? DataSize.ofMegabytes(512) : maxUnpackedSize;
            stagingDir = stagingDir == null ? Path.of(System.getProperty("java.io.tmpdir"), "streamis-upload")
                    : stagingDir;
        }
    }

    /**
     * @param enabled          whether the poll loop runs
     * @param interval         time between polls (one {@code /jobs/overview} call per cluster per poll)
     * @param lostConfirmAfter how long a job may be missing from its cluster before it is settled as FAILED
     * @param checkpointReadsPerCycle jobs whose newest checkpoint is read per cycle (one REST call each)
     * @param startFollowInterval how often the leader observes its clusters while any task is STARTING (the start
     *                         follower); a start launched on this node is observed sooner, at a tenth of its age
     * @param cancelledOutside what a job cancelled in Flink, not through the platform, becomes (STOPPED by default)
     */
    public record Monitor(Boolean enabled, Duration interval, Duration lostConfirmAfter,
                          Integer checkpointReadsPerCycle, Duration startFollowInterval,
                          CancelledOutside cancelledOutside) {
        public Monitor {
            cancelledOutside = cancelledOutside == null ? CancelledOutside.STOP : cancelledOutside;
            startFollowInterval = startFollowInterval == null ? Duration.ofMillis(150) : startFollowInterval;
            checkpointReadsPerCycle = checkpointReadsPerCycle == null ? 200 : checkpointReadsPerCycle;
            enabled = enabled == null ? Boolean.TRUE : enabled;
            interval = interval == null ? Duration.ofSeconds(5) : interval;
            lostConfirmAfter = lostConfirmAfter == null ? Duration.ofSeconds(30) : lostConfirmAfter;
        }
    }

    /**
     * @param maxAttempts       restarts allowed inside one failure-rate window
     * @param initialBackoff    wait before the first restart; doubles per attempt
     * @param maxBackoff        cap of the back-off
     * @param failureRateWindow failures older than this no longer count against the budget
     * @param enabled           master switch for auto-restart (per-job switch is fail-restart.switch)
     * @param shutdownSavepointTimeout how long each embedded job may take to stop with a savepoint at shutdown
     */
    public record Restart(Integer maxAttempts, Duration initialBackoff, Duration maxBackoff,
                          Duration failureRateWindow, Boolean enabled, Duration shutdownSavepointTimeout) {
        public Restart {
            shutdownSavepointTimeout = shutdownSavepointTimeout == null ? Duration.ofSeconds(30)
                    : shutdownSavepointTimeout;
            maxAttempts = maxAttempts == null ? 3 : maxAttempts;
            initialBackoff = initialBackoff == null ? Duration.ofSeconds(10) : initialBackoff;
            maxBackoff = maxBackoff == null ? Duration.ofMinutes(5) : maxBackoff;
            failureRateWindow = failureRateWindow == null ? Duration.ofMinutes(30) : failureRateWindow;
            enabled = enabled == null ? Boolean.TRUE : enabled;
        }
    }
}
