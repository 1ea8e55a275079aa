package io.streamis.jobmanager.lifecycle;

import io.streamis.jobmanager.lease.PlatformNodes;
import io.streamis.jobmanager.version.JobVersion;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The start inspection's {@code highavailable} entry (behaviour §5.1, §9.5). This platform has no dual-cluster
 * deployment: the check is the upstream one with the admin switch off, so it always passes and says why.
 * A version made by editing args in the page is reported as upstream does (it would lose release-system HA).
 * The message then says what availability the platform itself gives, in the reader's language: the nodes sharing
 * the database and the one that leads (or that a lone node watches its jobs only while it runs), and for a job on
 * the embedded cluster that the cluster dies with its node. None of it fails the check: 0.3.x's rule decides
 * {@code highAvailable}, and a 0.3.x client only reads {@code msg}.
 */
@Component
public class HighAvailabilityCheck {

    /** Upstream text when the administrator has not enabled dual-cluster HA. */
    public static final String MSG_NOT_ENABLED = "管理员未开启高可用配置";
    /** Upstream text for a version whose args were edited in the page. */
    public static final String MSG_ARGS_EDITED = "用户在页面手动修改args,任务不再支持高可用";
    /** Between the upstream text and the platform's sentences. */
    public static final String SEPARATOR = "; ";
    static final String SOURCE_UPDATE_ARGS = "update args";

    /** {@code {"highAvailable": bool, "msg": text}}, the 0.3.x keys. */
    public record Result(boolean highAvailable, String msg) {
    }

    private final PlatformNodes platform;
    private final MessageSource messages;

    public HighAvailabilityCheck(PlatformNodes platform, MessageSource messages) {
        this.platform = platform;
        this.messages = messages;
    }

    /** @param embedded whether the start runs on the embedded cluster */
    public Result check(JobVersion version, boolean embedded) {
        String upstream = version != null && SOURCE_UPDATE_ARGS.equalsIgnoreCase(version.source())
                ? MSG_ARGS_EDITED : MSG_NOT_ENABLED;
        String msg = upstream + SEPARATOR + platform.describe().localise(messages)
                + (embedded ? " " + PlatformNodes.EMBEDDED.localise(messages) : "");
        return new Result(true, msg);
    }
}
