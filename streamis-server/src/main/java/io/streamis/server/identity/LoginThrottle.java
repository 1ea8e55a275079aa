package io.streamis.server.identity;

import io.streamis.common.error.ErrorCode;
import io.streamis.common.error.StreamisException;
import io.streamis.server.StreamisServerProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing: after {@code login-max-failures} failed logins of one user from one address within
 * {@code login-window}, further attempts of that pair are refused ({@link ErrorCode#LOGIN_THROTTLED}) for
 * {@code login-lockout}, whether the password is right or not. Keyed by user and address, so a guesser elsewhere
 * cannot lock the real user out from their own address. In memory: a restart forgives, which is acceptable.
 */
@Component
class LoginThrottle {

    /** Bound on tracked pairs, so a flood of invented user names cannot grow the map without end. */
    static final int MAX_TRACKED = 10_000;

    private final StreamisServerProperties.Security settings;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    LoginThrottle(StreamisServerProperties properties) {
        this.settings = properties.security();
        this.clock = Clock.systemUTC();
    }

    private record Failures(int count, Instant first, Instant lockedUntil) {
    }

    /** Throws when the pair is locked out. */
    void check(String user, String address) {
        Failures f = failures.get(key(user, address));
        Instant now = clock.instant();
        if (f != null && f.lockedUntil() != null && now.isBefore(f.lockedUntil())) {
            long seconds = Math.max(1, Duration.between(now, f.lockedUntil()).toSeconds());
            throw new StreamisException(ErrorCode.LOGIN_THROTTLED, "locked", "Too many failed logins for user " + user
                    + " from this address; try again in " + seconds + " s", user, seconds);
        }
    }

    void failed(String user, String address) {
        Instant now = clock.instant();
        if (failures.size() >= MAX_TRACKED) {
            failures.values().removeIf(f -> expired(f, now));
        }
        failures.compute(key(user, address), (k, f) -> {
            Failures current = f == null || expired(f, now) ? new Failures(0, now, null) : f;
            int count = current.count() + 1;
            Instant locked = count >= settings.loginMaxFailures() ? now.plus(settings.loginLockout()) : null;
            return new Failures(count, current.first(), locked);
        });
    }

    void succeeded(String user, String address) {
        failures.remove(key(user, address));
    }

    private boolean expired(Failures f, Instant now) {
        boolean windowOver = now.isAfter(f.first().plus(settings.loginWindow()));
        boolean lockOver = f.lockedUntil() == null || !now.isBefore(f.lockedUntil());
        return windowOver && lockOver;
    }

    private static String key(String user, String address) {
        return user + "\u0000" + address;
    }
}
