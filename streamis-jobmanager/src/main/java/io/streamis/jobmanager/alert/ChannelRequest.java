package io.streamis.jobmanager.alert;

/**
 * Body of a channel create or update. On update a null {@code secret} keeps the stored one and an empty one
 * clears it (the API never returns secrets, so the form cannot send them back).
 */
public record ChannelRequest(String projectName, String name, String type, String target, String secret,
                             String minLevel, Boolean enabled) {
}
