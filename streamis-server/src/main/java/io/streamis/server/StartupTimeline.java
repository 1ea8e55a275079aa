package io.streamis.server;

import io.streamis.launcher.cluster.EmbeddedFlinkCluster;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.context.event.ApplicationStartingEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.SmartApplicationListener;

/**
 * Logs, once the server is ready, when each phase of its start ended, in ms after the JVM started: what a
 * restarted node's ready time is made of ({@code bin/benchmarks.sh --ready} reads this line). Registered in
 * {@code spring.factories} so it sees the application's first event; the database migration reports its span
 * through {@link #database} (it registers itself as a bean for that).
 *
 * <p>{@code spring}: Spring Boot starting; {@code environment}: configuration read; {@code refresh}: the context
 * starts creating beans; {@code database}: the Flyway migration (from..to); {@code embedded-flink}: the embedded
 * cluster's start (from..to, on its own thread); {@code web}: the web server listens; {@code started}: every bean
 * is up; {@code ready}: the start-up runners (admin bootstrap, waiting for the embedded cluster, lease, recovery)
 * have run.
 */
public class StartupTimeline implements SmartApplicationListener {

    private static final Logger LOG = LoggerFactory.getLogger(StartupTimeline.class);

    private final long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    private final Map<String, String> marks = new LinkedHashMap<>();

    /** Only the start's events: not, for one, the event Spring publishes after every request. */
    @Override
    public boolean supportsEventType(Class<? extends ApplicationEvent> type) {
        return SpringApplicationEvent.class.isAssignableFrom(type)
                || WebServerInitializedEvent.class.isAssignableFrom(type);
    }

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (event instanceof ApplicationStartingEvent) {
            mark("spring");
        } else if (event instanceof ApplicationEnvironmentPreparedEvent) {
            mark("environment");
        } else if (event instanceof ApplicationPreparedEvent e) {
            mark("refresh");
            if (!e.getApplicationContext().getBeanFactory().containsSingleton("startupTimeline")) {
                e.getApplicationContext().getBeanFactory().registerSingleton("startupTimeline", this);
            }
        } else if (event instanceof WebServerInitializedEvent) {
            mark("web");
        } else if (event instanceof ApplicationStartedEvent) {
            mark("started");
        } else if (event instanceof ApplicationReadyEvent e) {
            e.getApplicationContext().getBeanProvider(EmbeddedFlinkCluster.class).ifAvailable(this::embedded);
            mark("ready");
            StringJoiner line = new StringJoiner(" ", "Startup timeline (ms after JVM start): ", "");
            synchronized (marks) {
                marks.forEach((k, v) -> line.add(k + "=" + v));
            }
            LOG.info("{}", line);
        }
    }

    /** The database migration ran from {@code from} to {@code to} (epoch ms). */
    public void database(long from, long to) {
        put("database", (from - jvmStart) + ".." + (to - jvmStart));
    }

    private void embedded(EmbeddedFlinkCluster cluster) {
        EmbeddedFlinkCluster.State s = cluster.state();
        if (s.startedAt() != null && s.took() != null) {
            long from = s.startedAt().toEpochMilli() - jvmStart;
            put("embedded-flink", from + ".." + (from + s.took().toMillis()));
        }
    }

    private void mark(String phase) {
        put(phase, String.valueOf(Instant.now().toEpochMilli() - jvmStart));
    }

    private void put(String key, String value) {
        synchronized (marks) {
            marks.putIfAbsent(key, value);
        }
    }
}
