package io.streamis.jobmanager.alert.channel;

import java.time.LocalDateTime;

/** A place a project's alerts go. {@code secret} signs webhook bodies (never returned by the REST API). */
public record AlertChannel(long id, String projectName, String name, String type, String target, String secret,
                           String minLevel, boolean enabled, String createBy, LocalDateTime createTime,
                           LocalDateTime updateTime) {

    public ChannelType channelType() {
        return ChannelType.parse(type);
    }

    public boolean hasSecret() {
        return secret != null && !secret.isEmpty();
    }
}
