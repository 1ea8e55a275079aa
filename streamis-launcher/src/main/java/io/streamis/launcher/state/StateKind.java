package io.streamis.launcher.state;

/** Kind of a restore point. */
public enum StateKind { CHECKPOINT, SAVEPOINT, USER }
