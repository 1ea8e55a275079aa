package io.streamis.launcher.yarn;

import io.streamis.common.error.ErrorCode;
import io.streamis.launcher.client.FlinkClusterException;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;

/** The REST address of a Flink session running on YARN, found once from its application id, or a fixed URL. */
public class YarnSessionAddress {

    private final String cluster;
    private final YarnConnection yarn;
    private final String applicationId;
    private final String fixedUrl;
    private volatile String cached;

    public YarnSessionAddress(String cluster, YarnConnection yarn, String applicationId, String fixedUrl) {
        if ((applicationId == null || applicationId.isBlank()) && (fixedUrl == null || fixedUrl.isBlank())) {
            throw new IllegalStateException("streamis.launcher.clusters." + cluster + " (yarn-session) needs the"
                    + " application-id of the Flink session on YARN (or its rest-url)");
        }
        this.cluster = cluster;
        this.yarn = yarn;
        this.applicationId = applicationId;
        this.fixedUrl = fixedUrl;
    }

    public String restUrl() {
        if (fixedUrl != null && !fixedUrl.isBlank()) {
            return fixedUrl;
        }
        String url = cached;
        if (url == null) {
            ApplicationReport r = yarn.report(applicationId);
            if (r.getYarnApplicationState() != YarnApplicationState.RUNNING || r.getRpcPort() <= 0) {
                throw new FlinkClusterException(ErrorCode.FLINK_UNAVAILABLE, 0, "The Flink session of cluster '"
                        + cluster + "' (YARN application " + applicationId + ") is "
                        + r.getYarnApplicationState());
            }
            url = "http://" + r.getHost() + ":" + r.getRpcPort();
            cached = url;
        }
        return url;
    }
}
