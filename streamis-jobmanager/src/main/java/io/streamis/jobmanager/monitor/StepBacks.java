package io.streamis.jobmanager.monitor;

import io.streamis.common.error.StreamisException;
import io.streamis.jobmanager.lease.Leadership;
import io.streamis.jobmanager.lifecycle.StartCause;
import io.streamis.jobmanager.lifecycle.StartOutcome;
import io.streamis.jobmanager.lifecycle.StartService;
import io.streamis.jobmanager.log.TaskLog;
import io.streamis.jobmanager.restore.RestorePoints;
import io.streamis.jobmanager.task.StreamTask;
import io.streamis.jobmanager.task.TaskMapper;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What the reconciler does when Flink refused a restore point the platform chose as broken: the point is marked
 * REFUSED against the failed run, and the job is started again (same user and cause) from the next candidate, at
 * most {@link StartService#MAX_STEP_BACKS} times in a row, never empty while state existed. The new start is an
 * action of the leader's term (fenced at its intent).
 */
@Component
class StepBacks {

    private static final Logger LOG = LoggerFactory.getLogger(StepBacks.class);

    /** A failure that ends the start for good, to be told on the failed run; null when the start stepped back. */
    record Outcome(String finalFailure) {
        boolean steppedBack() {
            return finalFailure == null;
        }
    }

    private final RestorePoints points;
    private final StartService starts;
    private final Leadership leadership;
    private final TaskMapper tasks;
    private final TaskLog log;

    StepBacks(RestorePoints points, StartService starts, Leadership leadership, TaskMapper tasks, TaskLog log) {
        this.points = points;
        this.starts = starts;
        this.leadership = leadership;
        this.tasks = tasks;
        this.log = log;
    }

    /** Called once the failed run {@code t} is FAILED (by this caller's compare-and-set). */
    Outcome refuse(StreamTask t, String path, String reason) {
        int done = stepsBefore(t);
        points.refused(t.jobId(), t.id(), path, reason);
        log.append(t.id(), "Restore point " + path + " refused by Flink (" + reason + "); it will not be used again");
        LOG.warn("Restore point {} refused by Flink for task {} ({}); stepping back", path, t.id(), reason);
        String refusal = "Restore point " + path + " refused: " + reason;
        OptionalLong epoch = leadership.actingEpoch();
        if (epoch.isEmpty()) {
            return new Outcome(refusal); // not a leader's action: nobody may start on its behalf
        }
        try {
            StartOutcome o = leadership.act(epoch.getAsLong(), () -> true,
                    () -> starts.stepBack(t.jobId(), t.submitUser(), cause(t), refusal, done));
            log.append(t.id(), "Stepped back: task " + o.taskId() + " restores from " + o.restoredFrom());
            return new Outcome(null);
        } catch (Leadership.Deposed | Leadership.Claimed e) {
            return new Outcome(refusal + "; the step back was not made: " + e.getMessage());
        } catch (StreamisException e) {
            StreamTask latest = tasks.selectLatest(t.jobId());
            if (latest != null && latest.id() != t.id()) {
                // The step back ran and failed on its own task, which tells why.
                return new Outcome(null);
            }
            return new Outcome(e.getMessage());
        }
    }

    /** How many step backs led to {@code t}: the runs right before it, of the same cause, each with a refusal. */
    private int stepsBefore(StreamTask t) {
        List<StreamTask> recent = tasks.selectRecent(t.jobId(), StartService.MAX_STEP_BACKS + 2);
        Set<Long> refusing = points.refusingRuns(t.jobId());
        int n = 0;
        boolean before = false;
        for (StreamTask r : recent) {
            if (r.id() == t.id()) {
                before = true;
                continue;
            }
            if (!before) {
                continue;
            }
            if (!refusing.contains(r.id()) || !String.valueOf(r.startCause()).equals(String.valueOf(t.startCause()))) {
                break;
            }
            n++;
        }
        return n;
    }

    private static StartCause cause(StreamTask t) {
        try {
            return t.startCause() == null ? StartCause.USER : StartCause.valueOf(t.startCause());
        } catch (IllegalArgumentException e) {
            return StartCause.USER;
        }
    }
}
