package io.streamis.jobmanager.lifecycle;

import io.streamis.common.error.ErrorCode;
import io.streamis.common.error.StreamisException;
import io.streamis.config.ConfigKeys;
import io.streamis.config.value.JobConfig;
import io.streamis.jobmanager.job.StreamJob;
import io.streamis.jobmanager.task.StreamTask;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    private final JobInfoCodec codec;
    private final StateLocations locations;
    private final StateStorage storage;
    private final RestorePointResolver resolver;
    private final ClusterChoice clusterChoice;
    private final EffectiveConfig configs;

    public RestorePlanner(TaskMapper tasks, JobInfoCodec codec, StateLocations locations, StateStorage storage,
                          RestorePointResolver resolver, ClusterChoice clusterChoice, EffectiveConfig configs) {
        this.clusterChoice = clusterChoice;
        this.configs = configs;
        this.tasks = tasks;
        this.codec = codec;
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

    /** Every restore point the platform knows for the job (carried in job info, and found in its state dirs). */
    public RestoreQuery query(StreamJob job, String cluster, String userPath) {
        List<StatePoint> known = new ArrayList<>();
        Map<String, Long> runSeq = new HashMap<>();
        Set<String> poisoned = new HashSet<>();
        for (StreamTask t : tasks.selectRecent(job.id(), HISTORY)) {
            if (t.flinkJobId() != null) {
                runSeq.put(t.flinkJobId(), t.id());
            }
            JobInfo info = codec.read(t);
            info.poisoned().forEach(x -> poisoned.add(RestorePointResolver.normalise(x)));
            for (JobInfo.State s : info.jobStates()) {
                known.add(toPoint(s));
            }
        }
        // Points Flink refused to restore from are no candidates any more (peers.md (c) step 8).
        known.removeIf(s -> poisoned.contains(RestorePointResolver.normalise(s.path())));
        List<ScannedState> scanned = new ArrayList<>(storage.scan(locations.checkpointDir(cluster, job.projectName(),
                job.name()), locations.savepointDir(cluster, job.projectName(), job.name())));
        scanned.removeIf(s -> poisoned.contains(RestorePointResolver.normalise(s.path())));
        return new RestoreQuery(userPath, known, scanned, runSeq);
    }

    /** The previous runs' states, plus the chosen one, so a run that dies before checkpointing keeps them. */
    public List<JobInfo.State> carried(long jobId, JobInfo.State planned) {
        List<JobInfo.State> out = new ArrayList<>();
        if (planned != null) {
            out.add(planned);
        }
        for (StreamTask t : tasks.selectLaunched(jobId, 1)) {
            for (JobInfo.State s : codec.read(t).jobStates()) {
                if (out.size() < 20 && out.stream().noneMatch(o -> o.location().equals(s.location()))) {
                    out.add(new JobInfo.State(s.location(), s.timestamp(), false, s.kind(),
                            s.origin() == null ? "carried" : s.origin(), s.runSeq(), s.checkpointId(), s.version()));
                }
            }
        }
        return out;
    }

    static StatePoint toPoint(JobInfo.State s) {
        StateKind kind = "SAVEPOINT".equals(s.kind()) ? StateKind.SAVEPOINT
                : "USER".equals(s.kind()) ? StateKind.USER : StateKind.CHECKPOINT;
        return new StatePoint(s.location(), kind, s.origin() == null ? "carried" : s.origin(), s.runSeq(),
                s.checkpointId(), s.timestamp(), s.version());
    }

    static JobInfo.State toState(StatePoint p, boolean restore) {
        return new JobInfo.State(p.path(), p.completedTs(), restore, p.kind().name(), p.origin(), p.runSeq(),
                p.checkpointId(), p.jobVersion());
    }
}
