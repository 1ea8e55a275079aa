package io.streamis.jobmanager.monitor;

import io.streamis.common.error.Text;
import io.streamis.jobmanager.lifecycle.DeploymentFailed;
import io.streamis.jobmanager.lifecycle.RunTexts;
import io.streamis.jobmanager.lifecycle.StartFailure;
import io.streamis.jobmanager.task.StreamTask;
import io.streamis.jobmanager.task.TaskFact;
import io.streamis.jobmanager.task.TaskMapper;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What follows a run the reconciler moved to FAILED: the fact for the alert decider and the auto-restarter's
 * decision. A start a person made on a session cluster that fails before it ran is the exception: it was never
 * running, its user watches it (the list, the bulk item follow the task), and it is neither alerted nor restarted,
 * as when the request itself waited for it. Starts the platform made (auto-restart, recovery) and deployments are.
 */
@Component
class FailureHandOff {

    private static final Set<String> PLATFORM_STARTS = Set.of("AUTO_RESTART", "RECOVERY");

    private final TaskMapper tasks;
    private final AutoRestarter restarter;
    private final ApplicationEventPublisher facts;

    FailureHandOff(TaskMapper tasks, AutoRestarter restarter, ApplicationEventPublisher facts) {
        this.tasks = tasks;
        this.restarter = restarter;
        this.facts = facts;
    }

    /**
     * A run that was running (or deploying) failed; {@code lost}: it went missing from its cluster. The cause the
     * platform wrote is keyed, so the incident says it in its reader's language.
     */
    void failed(StreamTask t, Text cause, boolean restartable, boolean lost) {
        facts.publishEvent(new TaskFact.Failed(t.jobId(), t.id(), cause, lost));
        restarter.onFailure(tasks.selectById(t.id()), cause.english(), restartable);
    }

    /** Whether a failure of this run's job would be restarted (its switches, not the restart budget). */
    boolean restartsOnFailure(StreamTask t) {
        return restarter.restartsOnFailure(t.jobId());
    }

    /**
     * A deployment that failed in the background (YARN refused it, the runtime could not be uploaded): before, the
     * run just read FAILED — an automatic restart whose deployment failed at night left the job down, unalerted.
     */
    @EventListener
    public void onDeploymentFailed(DeploymentFailed failed) {
        StreamTask t = tasks.selectById(failed.taskId());
        if (t != null) {
            // "Launch failed: ..." as StartService recorded it: read again, so the incident is keyed.
            startFailed(t, RunTexts.textOf(failed.message()), true, true);
        }
    }

    /**
     * A start that failed before it ran: handed on unless a person started it on a session cluster. The cause is
     * keyed ({@link StartFailure}) so the JOB_FAILED incident says it in its reader's language.
     */
    void startFailed(StreamTask t, Text cause, boolean perJob, boolean restartable) {
        if (perJob || PLATFORM_STARTS.contains(t.startCause())) {
            failed(t, cause, restartable, false);
        }
    }
}
