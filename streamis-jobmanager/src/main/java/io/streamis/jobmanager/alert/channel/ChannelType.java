package io.streamis.jobmanager.alert.channel;

import io.streamis.common.error.StreamisException;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** The kinds of channel, and what each takes as its target. */
public enum ChannelType {
    /** Any HTTP(S) endpoint: the alert as JSON, signed with HMAC-SHA256 when a secret is set. */
    WEBHOOK,
    /** E-mail to a comma list of addresses (plus the notified users' addresses when a mail domain is set). */
    EMAIL,
    /** WeCom (企业微信) group robot. */
    WECOM,
    /** DingTalk (钉钉) group robot; signed when the robot uses 加签. */
    DINGTALK,
    /** Feishu/Lark (飞书) custom bot; signed when the bot has 签名校验. */
    FEISHU;

    private static final Pattern ADDRESS = Pattern.compile("^[^@\\s,]+@[^@\\s,]+\\.[^@\\s,]+$");

    /** Refuses a target this type cannot deliver to, naming what is wrong. */
    public void validateTarget(String target) {
        if (target == null || target.isBlank()) {
            throw StreamisException.validation("alert-target-required", "target is required for a " + this
                    + " channel", this);
        }
        if (this == EMAIL) {
            List<String> bad = addresses(target).stream().filter(a -> !ADDRESS.matcher(a).matches()).toList();
            if (!bad.isEmpty() || addresses(target).isEmpty()) {
                throw StreamisException.validation("alert-target-email", "EMAIL target must be comma-separated"
                        + " e-mail addresses; not an address: " + bad, bad);
            }
            return;
        }
        URI uri;
        try {
            uri = URI.create(target.trim());
        } catch (IllegalArgumentException e) {
            throw StreamisException.validation("alert-target-not-url", this + " target is not a URL: "
                    + e.getMessage(), this, e.getMessage());
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())
                || uri.getHost() == null) {
            throw StreamisException.validation("alert-target-not-http", this + " target must be an http(s) URL with"
                    + " a host: " + target, this, target);
        }
    }

    public static List<String> addresses(String target) {
        return Arrays.stream(target.split("[,;]")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public static ChannelType parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (RuntimeException e) {
            throw StreamisException.validation("alert-channel-type", "type must be one of "
                    + Arrays.toString(values()) + ": " + s, Arrays.toString(values()), s);
        }
    }
}
