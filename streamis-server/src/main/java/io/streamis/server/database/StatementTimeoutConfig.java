package io.streamis.server.database;

import org.mybatis.spring.boot.autoconfigure.ConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Bounds every SQL statement at {@link #SECONDS} seconds, in the way each database takes it cheaply. MariaDB and
 * MySQL get MyBatis's per-statement timeout (their driver sends it with the statement). H2 gets it once per
 * connection, from {@code QUERY_TIMEOUT} in its URL ({@code application.yml}): H2's driver turns a statement's
 * timeout into a {@code SET QUERY_TIMEOUT} command, and every SET empties the parsed-statement cache of every
 * session, so each statement after one was parsed and planned again (20-30 µs on a 2 µs primary-key read, most of
 * a start's database time on the embedded database).
 */
@Configuration(proxyBeanMethods = false)
public class StatementTimeoutConfig {

    static final int SECONDS = 30;

    @Bean
    ConfigurationCustomizer statementTimeout(Environment env) {
        return configuration -> {
            String url = env.getProperty("spring.datasource.url", "");
            if (configuration.getDefaultStatementTimeout() == null && !isH2(url)) {
                configuration.setDefaultStatementTimeout(SECONDS);
            }
        };
    }

    static boolean isH2(String url) {
        return url.startsWith("jdbc:h2:");
    }
}
