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

    private String root(String cluster) {
        String r = properties.stateRootOf(cluster);
        return r.endsWith("/") ? r : r + "/";
    }
}
