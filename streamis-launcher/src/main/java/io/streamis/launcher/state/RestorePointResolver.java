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

    private static StatePoint richer(StatePoint a, StatePoint b) {
        return new StatePoint(a.path(), a.kind(), a.origin(), a.runSeq() != null ? a.runSeq() : b.runSeq(),
                a.checkpointId() != null ? a.checkpointId() : b.checkpointId(),
                Math.max(a.completedTs(), b.completedTs()), a.jobVersion() != null ? a.jobVersion() : b.jobVersion());
    }

    public static String normalise(String path) {
        String p = path.trim().replaceFirst("^file:/+", "/");
        if (p.endsWith("/_metadata")) {
            p = p.substring(0, p.length() - "/_metadata".length());
        }
        return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}
