package io.streamis.jobmanager.lifecycle;

import io.streamis.jobmanager.version.JobVersion;
import org.springframework.stereotype.Component;

/**
 * The start inspection's {@code highavailable} entry (behaviour §5.1, §9.5). This platform has no dual-cluster
 * deployment: the check is the upstream one with the admin switch off, so it always passes and says why.
 * A version made by editing args in the page is reported as upstream does (it would lose release-system HA).
 */
@Component
public class HighAvailabilityCheck {

    /** Upstream text when the administrator has not enabled dual-cluster HA. */
    public static final String MSG_NOT_ENABLED = "管理员未开启高可用配置";
    /** Upstream text for a version whose args were edited in the page. */
    public static final String MSG_ARGS_EDITED = "用户在页面手动修改args,任务不再支持高可用";
    static final String SOURCE_UPDATE_ARGS = "update args";

    /** {@code {"highAvailable": bool, "msg": text}}, the 0.3.x keys. */
    public record Result(boolean highAvailable, String msg) {
    }

    public Result check(JobVersion version) {
        if (version != null && SOURCE_UPDATE_ARGS.equalsIgnoreCase(version.source())) {
            return new Result(true, MSG_ARGS_EDITED);
        }
        return new Result(true, MSG_NOT_ENABLED);
    }
}
