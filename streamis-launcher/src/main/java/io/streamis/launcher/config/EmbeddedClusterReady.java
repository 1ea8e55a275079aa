package io.streamis.launcher.config;

import io.streamis.launcher.cluster.EmbeddedFlinkCluster;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;

/**
 * Holds the start-up runners until the embedded cluster, started in the background, is up: the web server answers
 * meanwhile (health says the cluster is starting), but the lease and the recovery of the embedded jobs (order 5
 * and later) run only against a running cluster, and a cluster that cannot start fails the server's start as it
 * did when it was started in line.
 */
class EmbeddedClusterReady implements ApplicationRunner, Ordered {

    /** After the admin bootstrap (0), before the lease and the recovery it triggers (5). */
    static final int ORDER = 3;

    private final EmbeddedFlinkCluster cluster;

    EmbeddedClusterReady(EmbeddedFlinkCluster cluster) {
        this.cluster = cluster;
    }

    @Override
    public void run(ApplicationArguments args) {
        cluster.awaitStarted();
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
