package io.streamis.jobmanager.compat;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the 0.3.x compatibility endpoints (prefix {@code streamis.compat}).
 *
 * @param clusterName    this deployment's name as {@code /highAvailable/getHAMsg} reports it
 *                       ({@code wds.streamis.highavailable.cluster.name})
 * @param whetherManager whether this deployment is the manager cluster ({@code wds.streamis.whether.manager.cluster});
 *                       there is only one cluster here, so it is
 * @param dssUrl         DataSphere Studio gateway (e.g. {@code http://dss:9001}); when set,
 *                       {@code /config/getWorkspaceUsers} asks DSS for the workspace's users, else the project's
 *                       users are returned
 */
@ConfigurationProperties(prefix = "streamis.compat")
public record CompatProperties(String clusterName, Boolean whetherManager, URI dssUrl) {

    public CompatProperties {
        clusterName = clusterName == null || clusterName.isBlank() ? "default" : clusterName;
        whetherManager = whetherManager == null ? Boolean.TRUE : whetherManager;
    }
}
