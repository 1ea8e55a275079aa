package io.streamis.jobmanager.alert;

/** Outcome of a test send: delivered or not, the channel's answer when not, and how long it took. */
public record TestSendResult(boolean delivered, String error, long durationMs) {
}
