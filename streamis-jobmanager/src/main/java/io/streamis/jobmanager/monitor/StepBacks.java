package io.streamis.jobmanager.monitor;

import io.streamis.common.error.Text;
import io.streamis.common.job.TaskStatus;
import io.streamis.jobmanager.lease.LeaderWrites;
import io.streamis.jobmanager.lease.Leadership;
import io.streamis.jobmanager.lifecycle.RunTexts;
import io.streamis.jobmanager.lifecycle.StartCause;
import io.streamis.jobmanager.lifecycle.StartFailure;
import io.streamis.jobmanager.lifecycle.StartOutcome;
import io.streamis.jobmanager.lifecycle.StartService;
import io.streamis.jobmanager.log.TaskLog;
import io.streamis.jobmanager.restore.RestorePoints;
import io.streamis.jobmanager.task.StreamTask;
import io.streamis.jobmanager.task.TaskMapper;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What the reconciler does when Flink refused a restore point the platform chose as broken: the point is marked
 * REFUSED against the failed run, and the job is started again from the next candidate with the choices of the
 * start it continues (user, cause, allowNonRestoredState), as a new task linked to the failed run, at most
 * {@link StartService#MAX_STEP_BACKS} times in a row (counted along those links), never empty while state existed.
 * The new start is an action of the leader's term (fenced at its intent). When no step back runs, the start ends
 * here, on the run that failed last, through the same hand-off as any failed start (alert, no restart: a restart
 * would find no point left, or the same refusal).
 */
@Component
class StepBacks {

    private static final Logger LOG = LoggerFactory.getLogger(StepBacks.class);

    private final RestorePoints points;
    private final StartService starts;
    private final Leadership leadership;
    private final TaskMapper tasks;
    private final LeaderWrites writes;
    private final FailureHandOff handOff;
    private final TaskLog log;

    StepBacks(RestorePoints points, StartService starts, Leadership leadership, TaskMapper tasks,
              LeaderWrites writes, FailureHandOff handOff, TaskLog log) {
        this.points = points;
        this.starts = starts;
        this.leadership = leadership;
        this.tasks = tasks;
        this.writes = writes;
        this.handOff = handOff;
        this.log = log;
    }

    /** Called once the failed run {@code t} is FAILED (by this caller's compare-and-set). */
    void refuse(StreamTask t, String path, Text reason, boolean perJob) {
        points.refused(t.jobId(), t.id(), path, reason.english());
        log.append(t.id(), "Restore point " + path + " refused by Flink (" + reason.english()
                + "); it will not be used again");
        LOG.warn("Restore point {} refused by Flink for task {} ({}); stepping back", path, t.id(), reason.english());
        Text refusal = StartFailure.REFUSED.text(path, reason);
        OptionalLong epoch = leadership.actingEpoch();
        if (epoch.isEmpty()) {
            end(t, refusal, perJob); // not a leader's action: nobody may start on its behalf
            return;
        }
        StartService.StepBack request = new StartService.StepBack(t.jobId(), t.id(), t.submitUser(), cause(t),
                t.allowNonRestoredState(), refusal.english());
        try {
            StartOutcome o = leadership.act(epoch.getAsLong(), () -> true,
                    () -> starts.stepBack(request, (taskId, message) -> deployFailed(t, taskId, message)));
            log.append(t.id(), "Stepped back: task " + o.taskId() + " restores from " + o.restoredFrom());
        } catch (Leadership.Deposed | Leadership.Claimed e) {
            end(t, StartFailure.REFUSED_NOT_STEPPED.text(path, reason, e.getMessage()), perJob);
        } catch (RuntimeException e) {
            // Not only the platform's own refusals: whatever stopped the step back ends the start, told (keyed
            // when it is one of the platform's: the refusals of StartService, a launch that failed).
            Text why = e.getMessage() != null ? RunTexts.textOf(e.getMessage()) : Text.plain(e.toString());
            StreamTask latest = tasks.selectLatest(t.jobId());
            if (latest != null && latest.id() > t.id() && latest.taskStatus() == TaskStatus.FAILED) {
                // The step back made its own task and failed at launch (the next point refused too, the cluster
                // not reachable, ...): that run ends the start, and the run it stepped back from says so.
                log.append(t.id(), "The step back failed at launch (task " + latest.id() + "): " + why.english());
                end(latest, why, perJob);
            } else {
                end(t, why, perJob);
            }
        }
    }

    /** A step back's deployment failed in the background (already recorded on its task): the start ends there. */
    private void deployFailed(StreamTask from, long taskId, String message) {
        log.append(from.id(), "The step back failed at launch (task " + taskId + "): " + message);
        StreamTask failed = tasks.selectById(taskId);
        if (failed != null) {
            handOff.startFailed(failed, RunTexts.textOf(message), true, false);
        }
    }

    /** Ends the start on {@code last} (FAILED already) with the final failure, told as any failed start is. */
    private void end(StreamTask last, Text failure, boolean perJob) {
        if (!failure.english().equals(last.errDesc())) {
            writes.transitionWithError(last.id(), TaskStatus.FAILED.code(), TaskStatus.FAILED.code(),
                    failure.english());
            log.append(last.id(), failure.english());
        }
        handOff.startFailed(last, failure, perJob, false);
    }

    private static StartCause cause(StreamTask t) {
        try {
            return t.startCause() == null ? StartCause.USER : StartCause.valueOf(t.startCause());
        } catch (IllegalArgumentException e) {
            return StartCause.USER;
        }
    }
}
