package io.streamis.launcher.state;

import io.streamis.launcher.config.StreamisLauncherProperties;
import java.net.URI;
import org.springframework.stereotype.Component;

/** {@code <state-root of the cluster>/<project>/<job>/checkpoints} and {@code .../savepoints}. */
@Component
public class DefaultStateLocations implements StateLocations {

    private final StreamisLauncherProperties properties;

    public DefaultStateLocations(StreamisLauncherProperties properties) {
        this.properties = properties;
    }

    @Override
    public URI checkpointDir(String cluster, String project, String job) {
        return URI.create(root(cluster) + project + "/" + job + "/checkpoints");
    }

    @Override
    public URI savepointDir(String cluster, String project, String job) {
        return URI.create(root(cluster) + project + "/" + job + "/savepoints");
    }

    @Override
    public URI checkpointDir(String project, String job) {
        return checkpointDir(properties.defaultCluster(), project, job);
    }

    @Override
    public URI savepointDir(String project, String job) {
        return savepointDir(properties.defaultCluster(), project, job);
    }

    private String root(String cluster) {
        String r = properties.stateRootOf(cluster);
        return r.endsWith("/") ? r : r + "/";
    }
}
