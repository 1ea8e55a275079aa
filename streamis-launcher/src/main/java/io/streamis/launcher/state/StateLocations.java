package io.streamis.launcher.state;

import java.net.URI;

/** Where a job's checkpoints and savepoints live. */
public interface StateLocations {

    URI checkpointDir(String project, String job);

    URI savepointDir(String project, String job);
}
