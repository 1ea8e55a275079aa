package io.streamis.bulk;

import io.streamis.jobmanager.lease.LeaderDuty;
import io.streamis.jobmanager.lease.Leadership;
import java.util.Set;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Items a stopped node left unfinished are reported as interrupted when the leader takes over (their jobs are
 * settled by recovery); the operations of nodes still running are theirs, this node's own only at its first term.
 */
@Component
@Order(30)
class BulkRecovery implements LeaderDuty {

    private final BulkMapper mapper;
    private final Leadership leadership;

    BulkRecovery(BulkMapper mapper, Leadership leadership) {
        this.mapper = mapper;
        this.leadership = leadership;
    }

    @Override
    public void takeOver(long epoch, boolean firstTerm) {
        Set<String> alive = leadership.otherLiveInstances();
        for (BulkMapper.Unfinished op : mapper.selectUnfinished()) {
            boolean ours = leadership.instance().equals(op.serverInstance());
            if ((ours && !firstTerm) || (!ours && alive.contains(op.serverInstance())) || !leadership.holds(epoch)) {
                continue;
            }
            boolean following = false;
            for (BulkItem i : mapper.selectItems(op.id())) {
                if (i.itemState() == ItemState.RUNNING && i.taskId() != null) {
                    // A deployment whose task exists: the monitor settles the task, the follower then the item.
                    following = true;
                } else if (!i.itemState().isDone()) {
                    mapper.updateItem(i.id(), ItemState.FAILED.name(), i.taskId(),
                            "interrupted by a server restart; check the job's status", i.snapshotPath());
                }
            }
            if (!following) {
                mapper.finish(op.id());
            }
        }
    }
}
