package io.streamis.jobmanager.monitor;

import java.time.Duration;
import java.time.LocalDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.streamis.jobmanager.lease.LeaderDuty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Resumes the automatic restarts a previous process had scheduled but not yet run: their due times are on the
 * failed tasks. A restart already due runs at once; the others at their time. Runs after {@link StartupRecovery},
 * whenever this node takes the lead (a previous leader's schedule becomes this one's).
 * The restart itself re-checks that the failed task is still the job's latest (nobody started it meanwhile).
 */
@Component
@Order(20)
public class RestartScheduleRecovery implements LeaderDuty {

    private static final Logger LOG = LoggerFactory.getLogger(RestartScheduleRecovery.class);

    private final RestartDueMapper dueDates;
    private final AutoRestarter restarter;

    public RestartScheduleRecovery(RestartDueMapper dueDates, AutoRestarter restarter) {
        this.dueDates = dueDates;
        this.restarter = restarter;
    }

    @Override
    public void takeOver(long epoch) {
        for (RestartDue due : dueDates.selectDue()) {
            Duration delay = Duration.between(LocalDateTime.now(), due.dueAt());
            LOG.info("Resuming the automatic restart of job {} (failed task {}) {}", due.jobId(), due.taskId(),
                    delay.isNegative() ? "now (it was due while the server was down)" : "in " + delay.toSeconds()
                            + " s");
            restarter.resume(due.jobId(), due.taskId(), delay, epoch);
        }
    }
}
