package io.streamis.jobmanager.alert;

import io.streamis.jobmanager.alert.channel.AlertChannel;
import java.time.LocalDateTime;

/** A channel as the REST API shows it: the secret is never returned, only whether one is set. */
public record ChannelView(long id, String projectName, String name, String type, String target, boolean hasSecret,
                          String minLevel, boolean enabled, String createBy, LocalDateTime createTime,
                          LocalDateTime updateTime) {

    static ChannelView of(AlertChannel c) {
        return new ChannelView(c.id(), c.projectName(), c.name(), c.type(), c.target(), c.hasSecret(), c.minLevel(),
                c.enabled(), c.createBy(), c.createTime(), c.updateTime());
    }
}
