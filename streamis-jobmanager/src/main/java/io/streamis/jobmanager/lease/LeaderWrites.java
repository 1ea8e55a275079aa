package io.streamis.jobmanager.lease;

import io.streamis.jobmanager.task.TaskMapper;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The status writes a leader's decisions make (monitor, recovery), each carrying the epoch of the action on this
 * thread ({@link Leadership#act}), or of the current term: the database refuses them once another node holds the
 * lease, so a node resumed after a pause cannot move a run the new leader is handling.
 */
@Component
public class LeaderWrites {

    private static final Logger LOG = LoggerFactory.getLogger(LeaderWrites.class);

    private final TaskMapper tasks;
    private final Leadership leadership;

    public LeaderWrites(TaskMapper tasks, Leadership leadership) {
        this.tasks = tasks;
        this.leadership = leadership;
    }

    /** Compare-and-set of a task's status, fenced; 1 when written. */
    public int transitionWithError(long taskId, int from, int to, String errDesc) {
        OptionalLong acting = leadership.actingEpoch();
        OptionalLong epoch = acting.isPresent() ? acting : leadership.epoch();
        if (epoch.isEmpty()) {
            LOG.info("Not the leader: task {} is not moved from {} to {}", taskId, from, to);
            return 0;
        }
        int n = tasks.transitionAsLeader(taskId, from, to, errDesc, leadership.nodeId(), epoch.getAsLong());
        if (n == 0 && !leadership.holds(epoch.getAsLong())) {
            LOG.info("Refused (epoch {} is over): task {} not moved from {} to {}", epoch.getAsLong(), taskId, from,
                    to);
        }
        return n;
    }
}
