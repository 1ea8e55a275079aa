package io.streamis.jobmanager.alert.channel;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The HMAC-SHA256 signatures of the generic webhook and of the DingTalk and Feishu robots. */
public final class Signatures {

    private Signatures() {
    }

    public static byte[] hmacSha256(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /**
     * The generic webhook's {@code X-Streamis-Signature}: {@code sha256=} and the hex HMAC of
     * {@code "<timestamp>.<body>"} keyed with the channel secret (the timestamp travels in
     * {@code X-Streamis-Timestamp}, so a receiver can refuse replays).
     */
    public static String webhook(String secret, long timestampSeconds, String body) {
        return "sha256=" + HexFormat.of().formatHex(hmacSha256(secret.getBytes(StandardCharsets.UTF_8),
                (timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8)));
    }

    /** DingTalk 加签: Base64(HMAC-SHA256(key = secret, data = timestamp + "\n" + secret)), timestamp in ms. */
    public static String dingTalk(String secret, long timestampMillis) {
        return Base64.getEncoder().encodeToString(hmacSha256(secret.getBytes(StandardCharsets.UTF_8),
                (timestampMillis + "\n" + secret).getBytes(StandardCharsets.UTF_8)));
    }

    /** Feishu 签名校验: Base64(HMAC-SHA256(key = timestamp + "\n" + secret, data = empty)), timestamp in s. */
    public static String feishu(String secret, long timestampSeconds) {
        return Base64.getEncoder().encodeToString(hmacSha256((timestampSeconds + "\n" + secret)
                .getBytes(StandardCharsets.UTF_8), new byte[0]));
    }
}
