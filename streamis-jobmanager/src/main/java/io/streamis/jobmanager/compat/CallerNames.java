package io.streamis.jobmanager.compat;

/** {@code /highAvailable/username}: the login user and the user acted as (the same unless a proxy is used). */
public record CallerNames(String userName, String proxyUser) {
}
