package io.streamis.server.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamis.common.audit.AuditEvent;
import io.streamis.common.audit.AuditLog;
import io.streamis.common.error.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The append-only store behind {@link AuditLog}. A row that cannot be written is logged (without the detail, which
 * may name paths) and does not fail the action: the action already happened.
 */
@Component
class AuditStore implements AuditLog {

    private static final Logger LOG = LoggerFactory.getLogger(AuditStore.class);
    static final int MESSAGE_MAX = 1000;
    static final int DETAIL_MAX = 4000;
    static final int KEY_MAX = 100;
    /** Arguments are the message's values (paths, names); beyond this the row keeps the English alone. */
    static final int ARGS_MAX = 4000;

    private final AuditMapper mapper;
    private final ObjectMapper json;

    AuditStore(AuditMapper mapper, ObjectMapper json) {
        this.mapper = mapper;
        this.json = json;
    }

    @Override
    public void record(AuditEvent e) {
        Text text = e.message() == null ? Text.plain(null) : e.message();
        // A key is kept only with all its arguments (a cut one would place half a value); else the English stands.
        boolean keyed = text.key() != null && text.key().length() <= KEY_MAX
                && (text.storedArgs() == null || text.storedArgs().length() <= ARGS_MAX);
        try {
            mapper.insert(e.time(), cut(e.user(), 100), cut(e.remoteAddress(), 64), cut(e.request(), 300),
                    cut(e.projectName(), 200), e.jobId(), e.action().name(), e.ok() ? "OK" : "ERROR", e.errorCode(),
                    cut(text.english(), MESSAGE_MAX), detail(e), keyed ? text.key() : null,
                    keyed ? text.storedArgs() : null);
        } catch (RuntimeException ex) {
            LOG.error("Audit row not written: {} {} by {} ({}): {}", e.action(), e.request(), e.user(),
                    e.ok() ? "ok" : e.errorCode(), ex.toString());
        }
    }

    private String detail(AuditEvent e) {
        if (e.detail().isEmpty()) {
            return null;
        }
        try {
            String s = json.writeValueAsString(e.detail());
            // Cut whole facts rather than leave broken JSON behind.
            return s.length() <= DETAIL_MAX ? s : json.writeValueAsString(java.util.Map.of("truncated", true,
                    "keys", e.detail().keySet()));
        } catch (JsonProcessingException ex) {
            return null;
        }
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
