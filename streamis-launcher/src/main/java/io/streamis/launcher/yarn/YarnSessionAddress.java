package io.streamis.launcher.yarn;

import io.streamis.common.error.ErrorCode;
import io.streamis.launcher.client.FlinkClusterException;
import java.time.Duration;
import java.util.function.LongSupplier;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;

/**
 * The REST address of a Flink session running on YARN, found from its application id, or a fixed URL. The address
 * is asked of the ResourceManager again after {@link #REASK}: when YARN restarts the session's JobManager (a new
 * application attempt) it comes up on another host or port, and a cached address would point at the dead one.
 */
public class YarnSessionAddress {

    static final Duration REASK = Duration.ofSeconds(30);

    private final String cluster;
    private final YarnConnection yarn;
    private final String applicationId;
    private final String fixedUrl;
    private final LongSupplier nanoClock;
    private volatile Known cached;

    private record Known(String url, long askedAt) {
    }

    public YarnSessionAddress(String cluster, YarnConnection yarn, String applicationId, String fixedUrl) {
        this(cluster, yarn, applicationId, fixedUrl, System::nanoTime);
    }

    YarnSessionAddress(String cluster, YarnConnection yarn, String applicationId, String fixedUrl,
                       LongSupplier nanoClock) {
        if ((applicationId == null || applicationId.isBlank()) && (fixedUrl == null || fixedUrl.isBlank())) {
            throw new IllegalStateException("streamis.launcher.clusters." + cluster + " (yarn-session) needs the"
                    + " application-id of the Flink session on YARN (or its rest-url)");
        }
        this.cluster = cluster;
        this.yarn = yarn;
        this.applicationId = applicationId;
        this.fixedUrl = fixedUrl;
        this.nanoClock = nanoClock;
    }

    public String restUrl() {
        if (fixedUrl != null && !fixedUrl.isBlank()) {
            return fixedUrl;
        }
        Known known = cached;
        long now = nanoClock.getAsLong();
        if (known == null || now - known.askedAt() >= REASK.toNanos()) {
            ApplicationReport r = yarn.report(applicationId);
            if (r.getYarnApplicationState() != YarnApplicationState.RUNNING || r.getRpcPort() <= 0) {
                throw new FlinkClusterException(ErrorCode.FLINK_UNAVAILABLE, 0, "The Flink session of cluster '"
                        + cluster + "' (YARN application " + applicationId + ") is "
                        + r.getYarnApplicationState());
            }
            known = new Known("http://" + r.getHost() + ":" + r.getRpcPort(), now);
            cached = known;
        }
        return known.url();
    }
}
