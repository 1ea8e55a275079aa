package io.streamis.jobmanager.run;

import io.streamis.jobmanager.job.StreamJob;
import io.streamis.jobmanager.lifecycle.RestorePlanner;
import io.streamis.launcher.state.RestorePointResolver;
import io.streamis.launcher.state.ScannedState;
import io.streamis.launcher.state.StatePoint;
import io.streamis.launcher.state.StateStorage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The snapshots tab: every restore point of a job, one row per normalised path (a checkpoint the monitor
 * recorded and the scan found again is one row), newest first, a page at a time. Only the page's rows are
 * checked on storage, so a long history costs one page of file-system calls.
 */
@Component
class SnapshotList {

    /** One row; {@code reason} says why {@code usable} is false (refused by Flink, missing, no _metadata, ...). */
    record Row(String path, String kind, String origin, Long taskId, Long checkpointId, long completedTime,
               Long ageSeconds, String version, boolean usable, Long size, String reason) {
    }

    /** A page of rows and how many there are. */
    record Page(List<Row> rows, int total) {
    }

    private final RestorePlanner planner;
    private final StateStorage storage;

    SnapshotList(RestorePlanner planner, StateStorage storage) {
        this.planner = planner;
        this.storage = storage;
    }

    Page page(StreamJob job, int pageNow, int pageSize) {
        RestorePlanner.Catalogue c = planner.catalogue(job);
        Map<String, Row> byPath = new LinkedHashMap<>();
        long now = System.currentTimeMillis();
        for (StatePoint p : c.recorded()) {
            byPath.putIfAbsent(RestorePointResolver.normalise(p.path()), row(p.path(), p.kind().name(), p.origin(),
                    p.runSeq(), p.checkpointId(), p.completedTs(), p.jobVersion(), now));
        }
        for (ScannedState s : c.scanned()) {
            byPath.putIfAbsent(RestorePointResolver.normalise(s.path()), row(s.path(), s.kind().name(), "scan",
                    c.runSeqByFlinkJobId().get(s.flinkJobId()), s.checkpointId(), s.modifiedTs(), null, now));
        }
        for (StatePoint p : c.restored()) {
            byPath.putIfAbsent(RestorePointResolver.normalise(p.path()), row(p.path(), p.kind().name(), "user",
                    p.runSeq(), null, p.completedTs(), p.jobVersion(), now));
        }
        List<Row> all = new ArrayList<>(byPath.values());
        all.sort(Comparator.comparingLong(Row::completedTime).reversed());
        int size = Math.max(1, Math.min(pageSize, 200));
        int from = Math.min(all.size(), Math.max(0, pageNow - 1) * size);
        List<Row> page = new ArrayList<>();
        for (Row r : all.subList(from, Math.min(all.size(), from + size))) {
            page.add(checked(r, c));
        }
        return new Page(page, all.size());
    }

    private Row checked(Row r, RestorePlanner.Catalogue c) {
        String refused = c.record().refused().get(RestorePointResolver.normalise(r.path()));
        Optional<String> why = refused != null ? Optional.of("refused: " + refused) : storage.unusable(r.path());
        Long size = why.isEmpty() || refused != null ? storage.sizeOf(r.path()) : null;
        return new Row(r.path(), r.kind(), r.origin(), r.taskId(), r.checkpointId(), r.completedTime(),
                r.ageSeconds(), r.version(), why.isEmpty(), size, why.orElse(null));
    }

    private static Row row(String path, String kind, String origin, Long taskId, Long checkpointId, long ts,
                           String version, long now) {
        return new Row(path, kind, origin, taskId, checkpointId, ts, ts > 0 ? (now - ts) / 1000 : null, version,
                false, null, null);
    }
}
