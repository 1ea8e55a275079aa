package io.streamis.launcher.cluster;

import io.streamis.launcher.client.FlinkClusterGateway;
import io.streamis.launcher.config.ClusterType;
import io.streamis.launcher.yarn.YarnApplicationDeployer;

/**
 * Where a job runs. A session target exists before the job and takes it through its REST API (embedded,
 * standalone, yarn-session); an application target deploys a cluster per start that lives and dies with the run
 * (yarn-application). Both are watched and stopped through a {@link FlinkClusterGateway}.
 */
public sealed interface ClusterTarget {

    String name();

    ClusterType type();

    FlinkClusterGateway gateway();

    /** A session cluster driven over REST. */
    record Session(String name, ClusterType type, FlinkClusterGateway gateway) implements ClusterTarget {
    }

    /** One application per start. */
    record Application(String name, ClusterType type, FlinkClusterGateway gateway, YarnApplicationDeployer deployer)
            implements ClusterTarget {
    }
}
