package io.streamis.jobmanager.operation;

/** A stop or savepoint was handed to Flink on this node: the reconciler's follower looks at once. */
public record OperationRequested(long operationId) {
}
