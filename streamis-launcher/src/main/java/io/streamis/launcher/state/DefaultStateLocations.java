package io.streamis.launcher.state;

import io.streamis.launcher.config.StreamisLauncherProperties;
import java.net.URI;
import org.springframework.stereotype.Component;

/** {@code <state-root>/<project>/<job>/checkpoints} and {@code .../savepoints}. */
@Component
public class DefaultStateLocations implements StateLocations {

    private final String root;

    public DefaultStateLocations(StreamisLauncherProperties properties) {
        String r = properties.stateRoot();
        this.root = r.endsWith("/") ? r : r + "/";
    }

    @Override
    public URI checkpointDir(String project, String job) {
        return URI.create(root + project + "/" + job + "/checkpoints");
    }

    @Override
    public URI savepointDir(String project, String job) {
        return URI.create(root + project + "/" + job + "/savepoints");
    }
}
