package io.streamis.jobmanager.operation;

/** An operation was settled on this node: answers waiting for it look at once. */
public record OperationSettled(long operationId) {
}
