package io.streamis.server;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Adds {@code DB_CLOSE_ON_EXIT=FALSE} to an H2 URL that does not say otherwise. By default H2 closes the database
 * in its own JVM shutdown hook, which runs alongside Spring's: on SIGTERM the database was gone before the shutdown
 * savepoints of the embedded jobs could be recorded ("Database is already closed"). Without the hook the
 * connection pool closes the database when Spring destroys it, after every lifecycle stop has run.
 */
public class H2ShutdownEnvironment implements EnvironmentPostProcessor {

    static final String KEY = "spring.datasource.url";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        // The raw value (placeholders unresolved): the data dir is made absolute by another post-processor.
        String url = env.getPropertySources().stream().filter(ps -> ps.containsProperty(KEY)).findFirst()
                .map(ps -> String.valueOf(ps.getProperty(KEY))).orElse(null);
        String fixed = withoutCloseOnExit(url);
        if (fixed != null && !fixed.equals(url)) {
            env.getPropertySources().addFirst(new MapPropertySource("streamisH2Shutdown", Map.of(KEY, fixed)));
        }
    }

    static String withoutCloseOnExit(String url) {
        if (url == null || !url.startsWith("jdbc:h2:") || url.toUpperCase().contains("DB_CLOSE_ON_EXIT=")) {
            return url;
        }
        return url + ";DB_CLOSE_ON_EXIT=FALSE";
    }
}
