package io.streamis.bulk;

import io.streamis.common.error.Text;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Items a previous process left unfinished are reported as interrupted (their jobs are settled by recovery). */
@Component
@Order(20)
class BulkRecovery implements ApplicationRunner {

    private final BulkMapper mapper;

    private final BulkAudit audit;

    BulkRecovery(BulkMapper mapper, BulkAudit audit) {
        this.mapper = mapper;
        this.audit = audit;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (long bulkId : mapper.selectUnfinished()) {
            boolean following = false;
            for (BulkItem i : mapper.selectItems(bulkId)) {
                if (i.itemState() == ItemState.RUNNING && i.taskId() != null) {
                    // A deployment whose task exists: the monitor settles the task, the follower then the item.
                    following = true;
                } else if (!i.itemState().isDone()) {
                    mapper.updateItem(i.id(), ItemState.FAILED.name(), i.taskId(),
                            Text.of("bulk.interrupted", "interrupted by a server restart; check the job's status"),
                            i.snapshotPath());
                }
            }
            if (!following && mapper.finish(bulkId) == 1) {
                audit.finished(mapper.selectOperation(bulkId), mapper.selectItems(bulkId));
            }
        }
    }
}
