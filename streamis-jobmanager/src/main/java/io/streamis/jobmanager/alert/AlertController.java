package io.streamis.jobmanager.alert;

import io.streamis.common.error.StreamisException;
import io.streamis.common.paging.PageRequest;
import io.streamis.common.rest.Message;
import io.streamis.common.security.LoginUser;
import io.streamis.jobmanager.access.AccessGuard;
import io.streamis.jobmanager.alert.channel.AlertChannel;
import io.streamis.jobmanager.alert.delivery.AlertDispatcher;
import io.streamis.jobmanager.alert.delivery.Delivery;
import io.streamis.jobmanager.alert.delivery.OutboxMapper;
import io.streamis.jobmanager.project.Privilege;
import java.time.LocalDateTime;
import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Alert channels of a project (ACCESS reads, EDIT changes and test-sends), the incidents of a job and the
 * delivery log of a project: {@code /streamis/streamJobManager/alert/*}.
 */
@RestController
@RequestMapping("/streamis/streamJobManager/alert")
class AlertController {

    private final ChannelService channels;
    private final AccessGuard access;
    private final IncidentMapper incidents;
    private final OutboxMapper outbox;
    private final AlertDispatcher dispatcher;
    private final MessageSource messages;

    AlertController(ChannelService channels, AccessGuard access, IncidentMapper incidents, OutboxMapper outbox,
                    AlertDispatcher dispatcher, MessageSource messages) {
        this.messages = messages;
        this.channels = channels;
        this.access = access;
        this.incidents = incidents;
        this.outbox = outbox;
        this.dispatcher = dispatcher;
    }

    @GetMapping("/channels")
    Message list(@LoginUser String user, @RequestParam(required = false) String projectName) {
        access.requireProject(user, projectName, Privilege.ACCESS);
        return Message.ok().data("channels", channels.list(projectName));
    }

    @PostMapping("/channels")
    Message create(@LoginUser String user, @RequestBody ChannelRequest body) {
        access.requireProject(user, body.projectName(), Privilege.EDIT);
        return Message.ok("success").data("channel", channels.create(user, body));
    }

    @PutMapping("/channels/{id}")
    Message update(@LoginUser String user, @PathVariable long id, @RequestBody ChannelRequest body) {
        AlertChannel c = writable(user, id);
        return Message.ok("success").data("channel", channels.update(c, body));
    }

    @DeleteMapping("/channels/{id}")
    Message delete(@LoginUser String user, @PathVariable long id) {
        channels.delete(writable(user, id));
        return Message.ok("success");
    }

    /** Sends a test message through the channel now and returns whether it was delivered. */
    @PostMapping("/channels/{id}/test")
    Message test(@LoginUser String user, @PathVariable long id) {
        return Message.ok().data("result", channels.testSend(writable(user, id), user));
    }

    @GetMapping("/incidents")
    Message incidents(@LoginUser String user, @RequestParam long jobId,
                      @RequestParam(required = false) Integer pageNow,
                      @RequestParam(required = false) Integer pageSize) {
        access.readableJob(user, jobId);
        PageRequest page = PageRequest.of(pageNow, pageSize);
        // Message and resolution in the caller's language (Accept-Language), under the same keys.
        return Message.ok().data("incidents", incidents.selectByJob(jobId, page.offset(), page.pageSize()).stream()
                        .map(i -> i.localised(messages)).toList())
                .data("totalPage", incidents.countByJob(jobId));
    }

    @GetMapping("/deliveries")
    Message deliveries(@LoginUser String user, @RequestParam(required = false) String projectName,
                       @RequestParam(required = false) String status,
                       @RequestParam(required = false) Integer pageNow,
                       @RequestParam(required = false) Integer pageSize) {
        access.requireProject(user, projectName, Privilege.ACCESS);
        String s = status == null || status.isBlank() ? null : status(status);
        PageRequest page = PageRequest.of(pageNow, pageSize);
        return Message.ok().data("deliveries", outbox.selectByProject(projectName, s, page.offset(), page.pageSize()))
                .data("totalPage", outbox.countByProject(projectName, s));
    }

    /** Puts a delivery that was given up back in line (e.g. after the channel was fixed). */
    @PostMapping("/deliveries/{id}/retry")
    Message retry(@LoginUser String user, @PathVariable long id) {
        Delivery d = outbox.selectById(id);
        if (d == null) {
            throw StreamisException.notFound("alert-delivery", "Delivery " + id + " does not exist", id);
        }
        writable(user, d.channelId());
        if (outbox.requeue(id, LocalDateTime.now()) != 1) {
            throw StreamisException.illegalState("alert-delivery-not-failed", "Delivery " + id + " is "
                    + d.status() + "; only FAILED ones are retried by hand", id, d.status());
        }
        dispatcher.wake();
        return Message.ok("success");
    }

    private static String status(String s) {
        try {
            return Delivery.Status.valueOf(s.trim().toUpperCase(java.util.Locale.ROOT)).name();
        } catch (IllegalArgumentException e) {
            throw StreamisException.validation("alert-delivery-status",
                    "status must be PENDING, SENT or FAILED: " + s, s);
        }
    }

    private AlertChannel writable(String user, long id) {
        AlertChannel c = channels.require(id);
        access.requireProject(user, c.projectName(), Privilege.EDIT);
        return c;
    }
}
