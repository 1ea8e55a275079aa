package io.streamis.launcher.launch;

/** What a launch runs. */
public enum JobKind { SQL, JAR }
