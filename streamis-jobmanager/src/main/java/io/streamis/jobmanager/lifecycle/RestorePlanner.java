package io.streamis.jobmanager.lifecycle;

import io.streamis.common.error.ErrorCode;
import io.streamis.common.error.StreamisException;
import io.streamis.config.ConfigKeys;
import io.streamis.config.value.JobConfig;
import io.streamis.jobmanager.job.StreamJob;
import io.streamis.jobmanager.task.StreamTask;
import io.streamis.jobmanager.restore.RestorePoint;
import io.streamis.jobmanager.restore.RestorePoints;
import io.streamis.jobmanager.task.TaskMapper;
import io.streamis.launcher.state.RestorePlan;
import io.streamis.launcher.state.RestorePointResolver;
import io.streamis.launcher.state.RestoreQuery;
import io.streamis.launcher.state.ScannedState;
import io.streamis.launcher.state.StateKind;
import io.streamis.launcher.state.StateLocations;
import io.streamis.launcher.state.StatePoint;
import io.streamis.launcher.state.StateStorage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Decides what a start restores from. The inspection and the launch both call this, so what the user is shown
 * is exactly what the start uses. Priority: the path the user confirmed, then the one-shot configured
 * {@code wds.linkis.flink.savepoint.path}, then (restore switch ON) the newest usable state by peers.md (c).
 */
@Component
public class RestorePlanner {

    private static final int HISTORY = 50;

    /** The decision: where the path came from and the resolver's full plan (fallbacks, what was tried). */
    public record Decision(String source, RestorePlan plan) {

        public static Decision none(String why) {
            return new Decision(why, null);
        }

        public String path() {
            return plan == null || plan.chosen() == null ? null : plan.chosen().path();
        }

        public StatePoint chosen() {
            return plan == null ? null : plan.chosen();
        }
    }

    private final TaskMapper tasks;
    private final RestorePoints points;
    private final StateLocations locations;
    private final StateStorage storage;
    private final RestorePointResolver resolver;
    private final ClusterChoice clusterChoice;
    private final EffectiveConfig configs;

    public RestorePlanner(TaskMapper tasks, RestorePoints points, StateLocations locations, StateStorage storage,
                          RestorePointResolver resolver, ClusterChoice clusterChoice, EffectiveConfig configs) {
        this.clusterChoice = clusterChoice;
        this.configs = configs;
        this.tasks = tasks;
        this.points = points;
        this.locations = locations;
        this.storage = storage;
        this.resolver = resolver;
    }

    /**
     * Plans a restore; throws when candidates existed but none was usable (never start empty silently).
     *
     * @param confirmedPath path the user confirmed at start, or null
     */
    public Decision plan(StreamJob job, JobConfig config, String confirmedPath) {
        String configured = config.get(ConfigKeys.SAVEPOINT_PATH).filter(s -> !s.isBlank()).orElse(null);
        String userPath = confirmedPath != null && !confirmedPath.isBlank() ? confirmedPath.trim() : configured;
        String source = confirmedPath != null && !confirmedPath.isBlank() ? "confirmed"
                : configured != null ? "configured" : "auto";
        if (userPath == null && !config.isOn(ConfigKeys.AUTO_RESTORE_SWITCH)) {
            return Decision.none("restore-off");
        }
        RestorePlan plan = resolver.resolve(query(job, clusterChoice.of(config), userPath));
        if (plan.chosen() == null && plan.candidatesExisted()) {
            throw new StreamisException(ErrorCode.RESTORE_UNAVAILABLE, "Refusing to start job " + job.name()
                    + " without state: restore points exist but none is usable. Tried: "
                    + String.join("; ", plan.tried()));
        }
        return new Decision(plan.chosen() == null ? "none" : source, plan);
    }

    /** Every restore point the platform knows for the job, scanning the state dirs of its configured cluster. */
    public RestoreQuery query(StreamJob job, String userPath) {
        return query(job, clusterChoice.of(configs.of(job).config()), userPath);
    }

    /**
     * Everything the platform knows of the job's restore points, refused ones included: its records, the points
     * its recent runs restored from (each ranks as a point of the run that restored it, below that run's own
     * checkpoints, so a run that dies before checkpointing hands its starting point on), and what its state dirs
     * hold on {@code cluster}.
     */
    public record Catalogue(List<StatePoint> recorded, List<StatePoint> restored, List<ScannedState> scanned,
                            Map<String, Long> runSeqByFlinkJobId, RestorePoints.Known record) {

        /** The resolver's input: every candidate that is not refused. */
        public RestoreQuery query(String userPath) {
            List<StatePoint> known = new ArrayList<>(recorded);
            known.addAll(restored);
            known.removeIf(p -> record.isRefused(p.path()));
            List<ScannedState> found = new ArrayList<>(scanned);
            found.removeIf(p -> record.isRefused(p.path()));
            return new RestoreQuery(userPath, known, found, runSeqByFlinkJobId);
        }
    }

    /** The resolver's input for a start on {@code cluster}: every known candidate that is not refused. */
    public RestoreQuery query(StreamJob job, String cluster, String userPath) {
        return catalogue(job, cluster).query(userPath);
    }

    public Catalogue catalogue(StreamJob job) {
        return catalogue(job, clusterChoice.of(configs.of(job).config()));
    }

    public Catalogue catalogue(StreamJob job, String cluster) {
        RestorePoints.Known record = points.known(job.id());
        Map<String, StatePoint> byPath = new HashMap<>();
        List<StatePoint> recorded = new ArrayList<>();
        for (RestorePoint p : record.points()) {
            StatePoint sp = toPoint(p);
            recorded.add(sp);
            byPath.putIfAbsent(RestorePointResolver.normalise(p.path()), sp);
        }
        Map<String, Long> runSeq = new HashMap<>();
        List<StatePoint> restored = new ArrayList<>();
        for (StreamTask t : tasks.selectRecent(job.id(), HISTORY)) {
            if (t.flinkJobId() != null) {
                runSeq.put(t.flinkJobId(), t.id());
            }
            if (t.restoredFrom() != null && !t.restoredFrom().isBlank()) {
                StatePoint from = byPath.get(RestorePointResolver.normalise(t.restoredFrom()));
                restored.add(new StatePoint(t.restoredFrom(), from == null ? StateKind.SAVEPOINT : from.kind(),
                        "restored", t.id(), null, from == null ? 0 : from.completedTs(),
                        from == null ? null : from.jobVersion()));
            }
        }
        List<ScannedState> scanned = storage.scan(locations.checkpointDir(cluster, job.projectName(), job.name()),
                locations.savepointDir(cluster, job.projectName(), job.name()));
        return new Catalogue(recorded, restored, scanned, runSeq, record);
    }

    static StatePoint toPoint(RestorePoint p) {
        return new StatePoint(p.path(), p.kind(), p.origin(), p.taskId(), p.checkpointId(), p.completedTime(),
                p.jobVersion());
    }

    static JobInfo.State toState(StatePoint p, boolean restore) {
        return new JobInfo.State(p.path(), p.completedTs(), restore, p.kind().name(), p.origin(), p.runSeq(),
                p.checkpointId(), p.jobVersion());
    }
}
