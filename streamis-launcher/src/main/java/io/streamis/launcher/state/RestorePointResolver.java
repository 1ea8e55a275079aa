package io.streamis.launcher.state;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Chooses a restore point as peers.md (c) recommends: an explicit user path first; otherwise every known and
 * scanned candidate ordered by run (newest first), then checkpoint id within the run (never across runs), then
 * completion time, with a run's savepoints above its checkpoints; the first one whose {@code _metadata} is
 * usable wins. Pure apart from the storage check.
 */
@Component
public class RestorePointResolver {

    private final StateStorage storage;

    public RestorePointResolver(StateStorage storage) {
        this.storage = storage;
    }

    public RestorePlan resolve(RestoreQuery q) {
        List<String> tried = new ArrayList<>();
        if (q.userPath() != null && !q.userPath().isBlank()) {
            StatePoint user = new StatePoint(q.userPath(), StateKind.USER, "user", null, null, 0, null);
            if (storage.isUsable(q.userPath())) {
                return new RestorePlan(user, List.of(), tried, true);
            }
            tried.add(q.userPath() + ": no non-empty _metadata (user-chosen path)");
            return new RestorePlan(null, List.of(), tried, true);
        }
        List<StatePoint> ranked = rank(q);
        List<StatePoint> usable = new ArrayList<>();
        for (StatePoint p : ranked) {
            if (usable.size() == 3) {
                break;
            }
            if (storage.isUsable(p.path())) {
                usable.add(p);
            } else if (usable.isEmpty()) {
                tried.add(p.path() + ": no non-empty _metadata");
            }
        }
        StatePoint chosen = usable.isEmpty() ? null : usable.get(0);
        List<StatePoint> fallbacks = usable.size() > 1 ? List.copyOf(usable.subList(1, usable.size())) : List.of();
        return new RestorePlan(chosen, fallbacks, tried, !ranked.isEmpty());
    }

    /** All candidates, deduplicated by normalised path, best first. */
    public List<StatePoint> rank(RestoreQuery q) {
        Map<String, StatePoint> byPath = new LinkedHashMap<>();
        for (StatePoint p : q.known()) {
            if (p.path() != null && p.kind() != StateKind.USER) {
                byPath.merge(normalise(p.path()), p, RestorePointResolver::richer);
            } else if (p.path() != null) {
                byPath.merge(normalise(p.path()), new StatePoint(p.path(), StateKind.SAVEPOINT, p.origin(),
                        p.runSeq(), p.checkpointId(), p.completedTs(), p.jobVersion()), RestorePointResolver::richer);
            }
        }
        for (ScannedState s : q.scanned()) {
            Long run = s.flinkJobId() == null ? null : q.runSeqByFlinkJobId().get(s.flinkJobId());
            StatePoint p = new StatePoint(s.path(), s.kind(), "scan", run, s.checkpointId(), s.modifiedTs(), null);
            byPath.merge(normalise(s.path()), p, RestorePointResolver::richer);
        }
        List<StatePoint> all = new ArrayList<>(byPath.values());
        all.sort(ORDER);
        return all;
    }

    /**
     * Newest run first (states of runs the platform never recorded rank below recorded runs and among themselves
     * by time); inside a run, its stop-with-savepoint first, then checkpoint id, then completion time. Ids are
     * never compared across runs: they restart after a stateless start.
     */
    static final Comparator<StatePoint> ORDER = Comparator
            .comparingLong((StatePoint p) -> p.runSeq() == null ? -1 : p.runSeq()).reversed()
            .thenComparing(Comparator.comparingInt((StatePoint p) -> isStopSavepoint(p) ? 1 : 0).reversed())
            .thenComparing(Comparator.comparingLong((StatePoint p) -> p.runSeq() == null || p.checkpointId() == null
                    ? -1 : p.checkpointId()).reversed())
            .thenComparing(Comparator.comparingLong(StatePoint::completedTs).reversed());

    private static boolean isStopSavepoint(StatePoint p) {
        return p.kind() == StateKind.SAVEPOINT && "stop".equals(p.origin());
    }

    /**
     * Two facts about one path. The one of the newer run wins (a point a later run restored from is that run's
     * starting state), with its own checkpoint id only: ids are per run. Missing facts are filled from the other.
     */
    private static StatePoint richer(StatePoint a, StatePoint b) {
        StatePoint base = run(b) > run(a) ? b : a;
        StatePoint other = base == a ? b : a;
        boolean sameRun = run(a) == run(b);
        return new StatePoint(base.path(), base.kind(), base.origin(), base.runSeq() != null ? base.runSeq()
                : other.runSeq(), base.checkpointId() != null || !sameRun ? base.checkpointId() : other.checkpointId(),
                Math.max(a.completedTs(), b.completedTs()),
                base.jobVersion() != null ? base.jobVersion() : other.jobVersion());
    }

    private static long run(StatePoint p) {
        return p.runSeq() == null ? -1 : p.runSeq();
    }

    public static String normalise(String path) {
        String p = path.trim().replaceFirst("^file:/+", "/");
        if (p.endsWith("/_metadata")) {
            p = p.substring(0, p.length() - "/_metadata".length());
        }
        return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}
