package io.streamis.server.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

/**
 * The shared session store (Spring Session JDBC) without its two writes per request. Spring Session moves a session's
 * last access time on every request, so every API read also updated and committed the session row, and it reads the
 * session a second time after saving it (to decide whether to write the cookie). Under load that cost the cheap
 * endpoints more database time than their own query. Here the last access time is written only when it has moved by
 * a tenth of the session's lifetime (at most a minute) — a session then expires up to that much later than it
 * would — and the read that follows a save on the same thread is answered from the session just saved.
 * Attribute changes (login, logout) are written as before, at once.
 */
final class QuietSessions implements SessionRepository<QuietSessions.Quiet> {

    private static final Duration MAX_TOUCH_STEP = Duration.ofMinutes(1);
    /** How long after a save the same thread may be answered from it (the filter asks within the same request). */
    private static final long REREAD_NANOS = 50_000_000L;

    private final SessionRepository<Session> store;
    private final ThreadLocal<Saved> justSaved = new ThreadLocal<>();

    private record Saved(Quiet session, long at) {
    }

    @SuppressWarnings("unchecked")
    QuietSessions(SessionRepository<? extends Session> store) {
        // The JDBC store's session type is package-private; it only ever gets back the sessions it made.
        this.store = (SessionRepository<Session>) store;
    }

    @Override
    public Quiet createSession() {
        return new Quiet(store.createSession());
    }

    @Override
    public void save(Quiet session) {
        store.save(session.stored);
        justSaved.set(new Saved(session, System.nanoTime()));
    }

    @Override
    public Quiet findById(String id) {
        Saved saved = justSaved.get();
        justSaved.remove();
        if (saved != null && saved.session().getId().equals(id) && System.nanoTime() - saved.at() < REREAD_NANOS) {
            return saved.session();
        }
        Session s = store.findById(id);
        return s == null ? null : new Quiet(s);
    }

    @Override
    public void deleteById(String id) {
        justSaved.remove();
        store.deleteById(id);
    }

    /** A stored session whose last access time moves only in steps. */
    static final class Quiet implements Session {

        private final Session stored;

        Quiet(Session stored) {
            this.stored = stored;
        }

        @Override
        public void setLastAccessedTime(Instant at) {
            Duration step = stored.getMaxInactiveInterval().dividedBy(10);
            if (step.compareTo(MAX_TOUCH_STEP) > 0) {
                step = MAX_TOUCH_STEP;
            }
            if (stored.getLastAccessedTime().plus(step).isBefore(at)) {
                stored.setLastAccessedTime(at);
            }
        }

        @Override
        public String getId() {
            return stored.getId();
        }

        @Override
        public String changeSessionId() {
            return stored.changeSessionId();
        }

        @Override
        public <T> T getAttribute(String name) {
            return stored.getAttribute(name);
        }

        @Override
        public Set<String> getAttributeNames() {
            return stored.getAttributeNames();
        }

        @Override
        public void setAttribute(String name, Object value) {
            stored.setAttribute(name, value);
        }

        @Override
        public void removeAttribute(String name) {
            stored.removeAttribute(name);
        }

        @Override
        public Instant getCreationTime() {
            return stored.getCreationTime();
        }

        @Override
        public Instant getLastAccessedTime() {
            return stored.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            stored.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return stored.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return stored.isExpired();
        }
    }
}
