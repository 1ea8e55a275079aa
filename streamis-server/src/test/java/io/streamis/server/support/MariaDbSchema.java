package io.streamis.server.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/** A fresh schema on the machine's MariaDB (127.0.0.1:3306, root, empty password), dropped after the tests. */
public final class MariaDbSchema {

    public static final String HOST_URL = System.getProperty("streamis.test.mariadb.url",
            "jdbc:mariadb://127.0.0.1:3306/");
    public static final String USER = System.getProperty("streamis.test.mariadb.user", "root");
    public static final String PASSWORD = System.getProperty("streamis.test.mariadb.password", "");

    private final String name = "streamis_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    public String create() {
        exec("CREATE DATABASE " + name + " CHARACTER SET utf8mb4");
        return HOST_URL + name;
    }

    /** Points the test context at a fresh schema (call from the test class's {@code @DynamicPropertySource}). */
    public void register(DynamicPropertyRegistry registry) {
        String url = create();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> USER);
        registry.add("spring.datasource.password", () -> PASSWORD);
    }

    public void drop() {
        exec("DROP DATABASE IF EXISTS " + name);
    }

    private static void exec(String sql) {
        try (Connection c = DriverManager.getConnection(HOST_URL, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("MariaDB at " + HOST_URL + " is required for this test: " + e, e);
        }
    }
}
