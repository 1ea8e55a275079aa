package io.streamis.jobmanager.lifecycle;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.streamis.common.error.Text;
import io.streamis.config.value.JobConfig;
import io.streamis.jobmanager.job.StreamJob;
import io.streamis.jobmanager.version.JobVersion;
import io.streamis.launcher.state.RestorePointResolver;
import io.streamis.launcher.state.StatePoint;
import java.time.Duration;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The {@code snapshot} entry of the start inspection (behaviour §5.1): the restore point the start will use, computed
 * by the planner the start uses; when there is none, the §5.1 message as {@code path}. With the restore switch OFF
 * and restore points on record, the newest one is offered (never used unless the user picks it).
 */
@Component
public class SnapshotInspection {

    /** §5.1 message when restore is on (or a path is configured) but no state exists. */
    public static final String MSG_EMPTY_SNAPSHOT = "获取到了空的快照地址";
    /** §5.1 message when the restore switch is OFF. */
    public static final String MSG_RESTORE_OFF = "任务未开启快照，无需检查快照地址";
    static final String RESTORE_OFF = "restore-off";

    /** The newest restore point, offered while restore is OFF. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Offer(String path, String kind, String origin, Long completedTime, Long ageSeconds,
                        String fromVersion) {
    }

    /** The entry; {@code path} is always there (0.3.x reads it), the rest only when it applies. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(String path, boolean found, String restoreSwitch, String kind, String origin, String source,
                        Long completedTime, Long ageSeconds, String fromVersion, String warning,
                        List<String> fallbacks, Offer offer) {

        /** Our UI's rule: a restore point that will be used, or one on offer, needs a person to see it. */
        @JsonIgnore
        public boolean needsConfirm() {
            return found || offer != null;
        }
    }

    private final RestorePlanner planner;
    private final RestorePointResolver resolver;
    private final MessageSource messages;

    public SnapshotInspection(RestorePlanner planner, RestorePointResolver resolver, MessageSource messages) {
        this.planner = planner;
        this.resolver = resolver;
        this.messages = messages;
    }

    public Entry inspect(StreamJob job, JobConfig config, JobVersion now) {
        RestorePlanner.Decision d = planner.plan(job, config, null);
        StatePoint p = d.chosen();
        if (p != null) {
            // The confirmation shows it as it is: in the language of the person asking.
            String warning = p.jobVersion() != null && !p.jobVersion().equals(now.version())
                    ? Text.of("inspect.other-version", "This state was taken by version " + p.jobVersion()
                    + "; the start runs " + now.version() + ". Operators whose uid changed will not be restored.",
                    p.jobVersion(), now.version()).localise(messages) : null;
            return new Entry(p.path(), true, null, p.kind().name(), p.origin(), d.source(), completed(p),
                    age(p), p.jobVersion(), warning, d.plan().fallbacks().stream().map(StatePoint::path).toList(),
                    null);
        }
        if (!RESTORE_OFF.equals(d.source())) {
            return new Entry(MSG_EMPTY_SNAPSHOT, false, "ON", null, null, null, null, null, null, null, null, null);
        }
        StatePoint newest = resolver.resolve(planner.query(job, null)).chosen();
        Offer offer = newest == null ? null : new Offer(newest.path(), newest.kind().name(), newest.origin(),
                completed(newest), age(newest), newest.jobVersion());
        return new Entry(MSG_RESTORE_OFF, false, "OFF", null, null, null, null, null, null, null, null, offer);
    }

    private static Long completed(StatePoint p) {
        return p.completedTs() > 0 ? p.completedTs() : null;
    }

    private static Long age(StatePoint p) {
        return p.completedTs() > 0
                ? Duration.ofMillis(System.currentTimeMillis() - p.completedTs()).toSeconds() : null;
    }
}
