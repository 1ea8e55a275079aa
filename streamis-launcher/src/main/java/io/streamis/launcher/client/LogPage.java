package io.streamis.launcher.client;

import java.util.List;

/** A page of a cluster log; {@code endLine} is the number of the last line returned. */
public record LogPage(String logPath, List<String> logs, int endLine) {
}
