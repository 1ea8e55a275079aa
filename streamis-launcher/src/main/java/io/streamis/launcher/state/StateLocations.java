package io.streamis.launcher.state;

import java.net.URI;

/** Where a job's checkpoints and savepoints live: under the state root of the cluster that runs it. */
public interface StateLocations {

    URI checkpointDir(String cluster, String project, String job);

    URI savepointDir(String cluster, String project, String job);
}
