package io.streamis.jobmanager.lease;

import io.streamis.common.error.ErrorCode;
import io.streamis.common.error.StreamisException;
import io.streamis.jobmanager.StreamisJobManagerProperties;
import io.streamis.jobmanager.lifecycle.ServerInstance;
import io.streamis.launcher.config.StreamisLauncherProperties;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Decides which of the nodes sharing the database acts: the holder of the lease row. Every node heartbeats and
 * serves the API; only the holder runs the monitor's decisions, auto-restarts, recovery and bulk followers, and
 * each of its writes carries the lease's epoch, so a node paused past its lease (a new epoch taken meanwhile) has
 * every write refused. A node alone on its database is simply always the leader.
 *
 * <p>Locally a term ends one lease period after the renewal that started it was sent, measured on the monotonic
 * clock (which keeps running while the process is frozen): a resumed node stops acting before it hears anything.
 */
@Component
@Order(5)
public class Leadership implements ApplicationRunner, DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(Leadership.class);

    /** One leader term as this node sees it. */
    private record Term(long epoch, long validUntilNanos) {
    }

    /** A leader's action in progress on this thread: checked inside the transaction that writes its intent. */
    private static final class Act {
        private final long epoch;
        private final BooleanSupplier claim;
        /** A start that steps back to an older restore point writes a second intent: claimed once is enough. */
        private boolean claimed;

        Act(long epoch, BooleanSupplier claim) {
            this.epoch = epoch;
            this.claim = claim;
            this.claimed = claim == null;
        }

        long epoch() {
            return epoch;
        }
    }

    private final LeaseMapper leases;
    private final ObjectProvider<LeaderDuty> duties;
    private final String instance;
    private final String nodeId;
    private final String previousSelf;
    private final boolean embedded;
    private final Duration period;
    private final ThreadLocal<Act> acting = new ThreadLocal<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> daemon(r,
            "streamis-lease"));
    private final ExecutorService takeovers = Executors.newSingleThreadExecutor(r -> daemon(r,
            "streamis-leader-duties"));
    private volatile Term term;

    public Leadership(LeaseMapper leases, ObjectProvider<LeaderDuty> duties, ServerInstance server,
                      StreamisJobManagerProperties properties, StreamisLauncherProperties launcher) {
        this.leases = leases;
        this.duties = duties;
        this.instance = server.id();
        this.nodeId = instance + "/" + ProcessHandle.current().pid() + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        // An earlier process on the same host and port is dead: this one holds the port now (the web server
        // started before any runner). With a random port (0) there is no such proof.
        this.previousSelf = instance.endsWith(":0") ? "" : instance.replace("%", "\\%").replace("_", "\\_") + "/%";
        this.embedded = launcher.embedded().enabled();
        this.period = properties.lease().period();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @Override
    public void run(ApplicationArguments args) {
        leases.register(nodeId, instance, embedded);
        refuseEmbeddedBesideOthers();
        boolean leading = tryAcquire();
        long every = Math.max(100, period.toMillis() / 3);
        ticker.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
        if (leading) {
            takeOver(term.epoch());
        } else {
            LOG.info("Node {} serves the API; {} leads", nodeId, leases.current().holder());
        }
    }

    /**
     * The embedded cluster dies with its node, so it is a single-node convenience: with another node beating on
     * the same database this node refuses to start. A node that was just killed stops beating, so a fresh
     * heartbeat is watched for up to one lease period before the other node counts as alive.
     */
    private void refuseEmbeddedBesideOthers() {
        long deadline = System.nanoTime() + period.toNanos();
        List<LeaseMapper.Node> first = liveOthers();
        if (!embedded && first.stream().noneMatch(LeaseMapper.Node::embedded)) {
            return;
        }
        while (!first.isEmpty()) {
            List<LeaseMapper.Node> now = liveOthers();
            List<LeaseMapper.Node> beating = now.stream().filter(n -> first.stream().anyMatch(f ->
                    f.nodeId().equals(n.nodeId()) && n.heartbeatAt().isAfter(f.heartbeatAt()))).toList();
            boolean conflict = embedded || beating.stream().anyMatch(LeaseMapper.Node::embedded);
            if (!beating.isEmpty() && conflict) {
                String others = String.join(", ", beating.stream().map(n -> n.instance()
                        + (n.embedded() ? " (with its embedded Flink cluster)" : "")).toList());
                throw new IllegalStateException("Refusing to start node " + instance + ": node(s) " + others
                        + " share this database, and the embedded Flink cluster (streamis.launcher.embedded.enabled)"
                        + " is a single-node convenience that dies with its node. Run several nodes only against"
                        + " standalone or YARN clusters, with streamis.launcher.embedded.enabled=false on every node.");
            }
            if (!beating.isEmpty() || now.isEmpty() || System.nanoTime() > deadline) {
                return;
            }
            sleep(Math.min(500, Math.max(50, period.toMillis() / 10)));
        }
    }

    private List<LeaseMapper.Node> liveOthers() {
        return leases.selectLiveOthers(nodeId, period.toNanos() / 1000).stream()
                .filter(n -> previousSelf.isEmpty() || !n.instance().equals(instance)).toList();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking for other nodes", e);
        }
    }

    private void tick() {
        try {
            if (leases.heartbeat(nodeId, embedded) == 0) {
                leases.register(nodeId, instance, embedded);
            }
            Term t = term;
            if (t != null) {
                renew(t);
            } else if (tryAcquire()) {
                long epoch = term.epoch();
                takeovers.execute(() -> takeOver(epoch));
            }
            leases.forgetSilent(period.multipliedBy(20).toNanos() / 1000);
        } catch (RuntimeException e) {
            // The term lapses on its own (monotonic deadline) if the database stays away.
            LOG.warn("Lease upkeep of node {} failed: {}", nodeId, e.toString());
        }
    }

    private void renew(Term t) {
        long sent = System.nanoTime();
        if (leases.renew(nodeId, t.epoch(), micros()) == 1) {
            term = new Term(t.epoch(), sent + period.toNanos());
        } else {
            term = null;
            LOG.warn("Node {} lost the lease (epoch {}); {} leads now and this node stops acting", nodeId, t.epoch(),
                    leases.current().holder());
        }
    }

    private boolean tryAcquire() {
        long sent = System.nanoTime();
        if (leases.acquire(nodeId, micros(), previousSelf) != 1) {
            return false;
        }
        LeaseMapper.Lease l = leases.current();
        if (!nodeId.equals(l.holder())) {
            return false;
        }
        term = new Term(l.epoch(), sent + period.toNanos());
        LOG.info("Node {} leads (epoch {}, lease {} s)", nodeId, l.epoch(), period.toSeconds());
        return true;
    }

    private void takeOver(long epoch) {
        for (LeaderDuty duty : duties.orderedStream().toList()) {
            if (!holds(epoch)) {
                return;
            }
            try {
                duty.takeOver(epoch);
            } catch (RuntimeException e) {
                LOG.warn("Leader duty {} failed: {}", duty.getClass().getSimpleName(), e.toString(), e);
            }
        }
    }

    private long micros() {
        return period.toNanos() / 1000;
    }

    /** One lease period in microseconds: a node whose heartbeat is younger counts as alive. */
    long leasePeriodMicros() {
        return micros();
    }

    /** The epoch of the term this node holds now, or empty when it does not lead (or its term ran out). */
    public OptionalLong epoch() {
        Term t = term;
        return t != null && System.nanoTime() < t.validUntilNanos() ? OptionalLong.of(t.epoch()) : OptionalLong.empty();
    }

    public boolean isLeader() {
        return epoch().isPresent();
    }

    /** Whether this node still leads in the term of {@code epoch} (a cheap local check before acting). */
    public boolean holds(long epoch) {
        OptionalLong e = epoch();
        return e.isPresent() && e.getAsLong() == epoch;
    }

    public String nodeId() {
        return nodeId;
    }

    /**
     * Runs a leader's start (a restart, a recovery) as an action of term {@code epoch}: the transaction that
     * persists its intent first locks the lease row and refuses unless this node still holds it at that epoch, and
     * then runs {@code claim} (false: someone took the action already), so fence, claim and intent commit together.
     */
    public <T> T act(long epoch, BooleanSupplier claim, Supplier<T> work) {
        Act previous = acting.get();
        acting.set(new Act(epoch, claim));
        try {
            return work.get();
        } finally {
            acting.set(previous);
        }
    }

    /**
     * Called inside the transaction of a start's intent: a leader's action on this thread is fenced and claimed
     * there (see {@link #act}); a user's start (no action) passes, as the API serves on every node.
     */
    public void fenceIntent() {
        Act a = acting.get();
        if (a == null) {
            return;
        }
        fence(a.epoch());
        if (!a.claimed) {
            if (!a.claim.getAsBoolean()) {
                throw new Claimed("the action was taken already");
            }
            a.claimed = true;
        }
    }

    /** The epoch of the leader's action running on this thread ({@link #act}), if any. */
    public OptionalLong actingEpoch() {
        Act a = acting.get();
        return a == null ? OptionalLong.empty() : OptionalLong.of(a.epoch());
    }

    /**
     * Which work is nobody's: a task or operation created by a process that no longer beats. Work of a live node
     * ({@code host:port}) is its own, unless it predates that node's current process (an earlier process on the
     * same host and port, which crashed). A snapshot of the live nodes, taken once per takeover.
     */
    public Orphans orphans() {
        Map<String, LocalDateTime> started = new HashMap<>();
        for (LeaseMapper.Node n : leases.selectLive(micros())) {
            started.merge(n.instance(), n.startedAt(), (x, y) -> x.isAfter(y) ? x : y);
        }
        return new Orphans(started);
    }

    /** @param processStarted per live {@code host:port}, when its current process registered (database clock) */
    public record Orphans(Map<String, LocalDateTime> processStarted) {
        /** Margin for timestamps stored to the second: a process starts seconds after its predecessor died. */
        private static final Duration MARGIN = Duration.ofSeconds(2);

        public boolean orphaned(String instance, LocalDateTime created) {
            LocalDateTime started = instance == null ? null : processStarted.get(instance);
            return started == null || (created != null && created.isBefore(started.minus(MARGIN)));
        }
    }

    /** Locks the lease row (inside the caller's transaction) or refuses: this node no longer leads at {@code epoch}. */
    public void fence(long epoch) {
        if (leases.lockHeld(nodeId, epoch) == null) {
            throw new Deposed("node " + nodeId + " no longer holds the lease at epoch " + epoch
                    + "; the current leader acts instead");
        }
    }

    /** What {@code /actuator/health} shows: who leads, since when, and this node. */
    public record Status(String leader, Long epoch, LocalDateTime since, LocalDateTime expires, String node,
                         boolean leading) {
    }

    public Status status() {
        LeaseMapper.Lease l = leases.current();
        boolean live = l != null && l.live();
        return new Status(live ? l.holder() : null, live ? l.epoch() : null, live ? l.acquiredAt() : null,
                live ? l.expiresAt() : null, nodeId, isLeader());
    }

    @Override
    public void destroy() {
        ticker.shutdownNow();
        takeovers.shutdownNow();
        Term t = term;
        term = null;
        try {
            if (t != null) {
                leases.release(nodeId, t.epoch());
            }
            leases.unregister(nodeId);
        } catch (RuntimeException e) {
            LOG.debug("Could not release the lease of node {}: {}", nodeId, e.toString());
        }
    }

    /** A write of a deposed leader, refused. */
    public static final class Deposed extends StreamisException {
        Deposed(String message) {
            super(ErrorCode.CONFLICT, message);
        }
    }

    /** A leader's action another run of it (or another leader) took already. */
    public static final class Claimed extends StreamisException {
        Claimed(String message) {
            super(ErrorCode.CONFLICT, message);
        }
    }
}
