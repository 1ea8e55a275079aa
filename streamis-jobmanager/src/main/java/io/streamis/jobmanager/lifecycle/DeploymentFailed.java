package io.streamis.jobmanager.lifecycle;

/**
 * A per-job deployment failed in the background after its start returned, and nobody asked to be told (a step back
 * ends its start itself): the run is FAILED, and what follows a failed start (alert, auto-restart) is decided on
 * the reconciler's side.
 */
public record DeploymentFailed(long taskId, String message) {
}
