package io.streamis.bulk;

import io.streamis.common.error.Text;
import io.streamis.jobmanager.lease.LeaderDuty;
import io.streamis.jobmanager.lease.Leadership;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Items a stopped process left unfinished are reported as interrupted when the leader takes over (their jobs are
 * settled by recovery); the operations of processes still running are theirs ({@link Leadership#orphans()}).
 */
@Component
@Order(30)
class BulkRecovery implements LeaderDuty {

    private final BulkMapper mapper;
    private final Leadership leadership;

    private final BulkAudit audit;

    BulkRecovery(BulkMapper mapper, Leadership leadership, BulkAudit audit) {
        this.mapper = mapper;
        this.leadership = leadership;
        this.audit = audit;
    }

    @Override
    public void takeOver(long epoch) {
        Leadership.Orphans orphans = leadership.orphans();
        for (BulkMapper.Unfinished op : mapper.selectUnfinished()) {
            if (!orphans.orphaned(op.serverInstance(), op.createTime()) || !leadership.holds(epoch)) {
                continue;
            }
            boolean following = false;
            for (BulkItem i : mapper.selectItems(op.id())) {
                if (i.itemState() == ItemState.RUNNING && i.taskId() != null) {
                    // A deployment whose task exists: the monitor settles the task, the follower then the item.
                    following = true;
                } else if (!i.itemState().isDone()) {
                    mapper.updateItem(i.id(), ItemState.FAILED.name(), i.taskId(),
                            Text.of("bulk.interrupted", "interrupted by a server restart; check the job's status"),
                            i.snapshotPath());
                }
            }
            if (!following && mapper.finish(op.id()) == 1) {
                audit.finished(mapper.selectOperation(op.id()), mapper.selectItems(op.id()));
            }
        }
    }
}
