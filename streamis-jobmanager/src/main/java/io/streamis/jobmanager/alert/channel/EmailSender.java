package io.streamis.jobmanager.alert.channel;

import io.streamis.jobmanager.StreamisJobManagerProperties;
import io.streamis.jobmanager.alert.AlertMessage;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * E-mail through Spring Mail ({@code spring.mail.*}). Recipients: the channel's addresses, plus each notified
 * user as {@code user@<mail-domain>} when {@code streamis.jobmanager.alerts.mail-domain} is set.
 */
@Component
class EmailSender implements ChannelSender {

    private final ObjectProvider<JavaMailSender> mail;
    private final StreamisJobManagerProperties.Alerts settings;

    EmailSender(ObjectProvider<JavaMailSender> mail, StreamisJobManagerProperties properties) {
        this.mail = mail;
        this.settings = properties.alerts();
    }

    @Override
    public ChannelType type() {
        return ChannelType.EMAIL;
    }

    @Override
    public void send(AlertChannel channel, AlertMessage message, String deliveryId) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            throw HttpPoster.failed("e-mail is not configured on this server (spring.mail.host)");
        }
        Set<String> to = new LinkedHashSet<>(ChannelType.addresses(channel.target()));
        if (settings.mailDomain() != null && !settings.mailDomain().isBlank()) {
            message.users().forEach(u -> to.add(u.contains("@") ? u : u + "@" + settings.mailDomain()));
        }
        try {
            MimeMessage mime = sender.createMimeMessage();
            MimeMessageHelper h = new MimeMessageHelper(mime, false, "UTF-8");
            h.setFrom(settings.mailFrom());
            h.setTo(to.toArray(String[]::new));
            h.setSubject(message.headline());
            h.setText(message.plainText(), false);
            mime.setHeader("X-Streamis-Delivery", deliveryId);
            sender.send(mime);
        } catch (MessagingException | MailException e) {
            throw HttpPoster.failed("mail server refused the message: " + e.getMessage());
        }
    }
}
