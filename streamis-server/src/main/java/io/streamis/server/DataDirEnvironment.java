package io.streamis.server;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes {@code streamis.data-dir} absolute before anything derives paths from it: H2 refuses implicitly relative
 * database files, and every other directory should not depend on the process's working directory either.
 */
public class DataDirEnvironment implements EnvironmentPostProcessor {

    static final String KEY = "streamis.data-dir";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        String dir = env.getProperty(KEY, "data");
        env.getPropertySources().addFirst(new MapPropertySource("streamisDataDir",
                Map.of(KEY, Path.of(dir).toAbsolutePath().normalize().toString())));
    }
}
