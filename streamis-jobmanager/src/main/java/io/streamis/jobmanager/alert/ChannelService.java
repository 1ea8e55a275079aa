package io.streamis.jobmanager.alert;

import io.streamis.common.error.StreamisException;
import io.streamis.jobmanager.alert.channel.AlertChannel;
import io.streamis.jobmanager.alert.channel.ChannelMapper;
import io.streamis.jobmanager.alert.channel.ChannelType;
import io.streamis.jobmanager.alert.delivery.ChannelSenders;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/** Channel CRUD with validation (nothing half-written on bad input) and the test send. */
@Service
public class ChannelService {

    private final ChannelMapper channels;
    private final ChannelSenders senders;

    public ChannelService(ChannelMapper channels, ChannelSenders senders) {
        this.channels = channels;
        this.senders = senders;
    }

    public List<ChannelView> list(String project) {
        return channels.selectByProject(project).stream().map(ChannelView::of).toList();
    }

    public AlertChannel require(long id) {
        AlertChannel c = channels.selectById(id);
        if (c == null) {
            throw StreamisException.notFound("alert-channel", "Alert channel " + id + " does not exist", id);
        }
        return c;
    }

    public ChannelView create(String user, ChannelRequest r) {
        ChannelMapper.NewChannel row = validated(r, r.projectName(), r.secret(), user);
        try {
            channels.insert(row);
        } catch (DuplicateKeyException e) {
            throw StreamisException.conflict("alert-channel-name", "Project " + r.projectName()
                    + " already has a channel named " + r.name(), r.projectName(), r.name());
        }
        return ChannelView.of(require(row.id));
    }

    /** Fields left out (null) keep their stored values. */
    public ChannelView update(AlertChannel existing, ChannelRequest given) {
        ChannelRequest r = new ChannelRequest(existing.projectName(),
                given.name() == null ? existing.name() : given.name(),
                given.type() == null ? existing.type() : given.type(),
                given.target() == null ? existing.target() : given.target(), given.secret(),
                given.minLevel() == null ? existing.minLevel() : given.minLevel(),
                given.enabled() == null ? existing.enabled() : given.enabled());
        String secret = r.secret() == null ? existing.secret() : r.secret().isEmpty() ? null : r.secret();
        ChannelMapper.NewChannel row = validated(r, existing.projectName(), secret, existing.createBy());
        try {
            channels.update(existing.id(), row, LocalDateTime.now());
        } catch (DuplicateKeyException e) {
            throw StreamisException.conflict("alert-channel-name", "Project " + existing.projectName()
                    + " already has a channel named " + r.name(), existing.projectName(), r.name());
        }
        return ChannelView.of(require(existing.id()));
    }

    public void delete(AlertChannel c) {
        channels.delete(c.id());
    }

    /** Sends a test message now and reports the channel's answer (no retry: the person clicking waits for it). */
    public TestSendResult testSend(AlertChannel c, String user) {
        AlertMessage m = new AlertMessage(AlertMessage.Kind.TEST, null, null, AlertLevel.INFO.name(),
                c.projectName(), null, null, null, "Streamis 告警通道测试 / alert channel test",
                "Test message sent by " + user + " to channel " + c.name() + " (" + c.type() + ")", List.of(user),
                OffsetDateTime.now().toString());
        long t0 = System.nanoTime();
        try {
            senders.send(c, m, "streamis-test-" + UUID.randomUUID());
            return new TestSendResult(true, null, (System.nanoTime() - t0) / 1_000_000);
        } catch (RuntimeException e) {
            return new TestSendResult(false, e.getMessage(), (System.nanoTime() - t0) / 1_000_000);
        }
    }

    private static ChannelMapper.NewChannel validated(ChannelRequest r, String project, String secret, String user) {
        if (r.name() == null || r.name().isBlank() || r.name().length() > 100) {
            throw StreamisException.validation("alert-channel-name", "name is required (at most 100 characters)");
        }
        if (r.type() == null) {
            throw StreamisException.validation("alert-channel-type-required", "type is required: one of WEBHOOK,"
                    + " EMAIL, WECOM, DINGTALK, FEISHU");
        }
        ChannelType type = ChannelType.parse(r.type());
        type.validateTarget(r.target());
        if (r.target().length() > 1000 || (secret != null && secret.length() > 500)) {
            throw StreamisException.validation("alert-channel-too-long", "target (1000) or secret (500) is too long");
        }
        AlertLevel min = r.minLevel() == null || r.minLevel().isBlank() ? AlertLevel.INFO
                : AlertLevel.parse(r.minLevel(), null);
        if (min == null) {
            throw StreamisException.validation("alert-channel-min-level", "minLevel must be one of CRITICAL, MAJOR,"
                    + " MINOR, WARNING, INFO: " + r.minLevel(), r.minLevel());
        }
        return new ChannelMapper.NewChannel(project, r.name().trim(), type.name(), r.target().trim(), secret,
                min.name(), r.enabled() == null || r.enabled(), user);
    }
}
