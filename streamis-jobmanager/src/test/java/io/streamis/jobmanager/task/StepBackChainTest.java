package io.streamis.jobmanager.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.ibatis.datasource.pooled.PooledDataSource;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The step-back link on the real databases (H2 in MySQL mode, MariaDB): a step back's run records the run it
 * continues and the start's allowNonRestoredState, and the count of step backs is read along those links only, so
 * a person's own start after refused runs, or a run of another cause in between, starts a new count.
 */
class StepBackChainTest {

    private static final String MARIADB = "jdbc:mariadb://127.0.0.1:3306/";

    static Stream<Arguments> databases() {
        return Stream.of(Arguments.of("h2"), Arguments.of("mariadb"));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theCountFollowsThePersistedLinkNotTheRunsBefore(String db) throws Exception {
        String schema = "streamis_chain_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String url = db.equals("h2") ? "jdbc:h2:mem:" + schema + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
                + "NON_KEYWORDS=KEY,VALUE;DB_CLOSE_DELAY=-1" : MARIADB + schema;
        String user = db.equals("h2") ? "sa" : "root";
        if (db.equals("mariadb")) {
            exec(MARIADB, "CREATE DATABASE " + schema + " CHARACTER SET utf8mb4");
        }
        try {
            Flyway.configure().dataSource(url, user, "").locations("classpath:db/migration").load().migrate();
            try (SqlSession s = factory(url, user).openSession(true)) {
                TaskMapper tasks = s.getMapper(TaskMapper.class);
                // A person's start with allowNonRestoredState, refused; two step backs continue it.
                long start = insert(tasks, "USER", null, true);
                long back1 = insert(tasks, "USER", start, true);
                long back2 = insert(tasks, "USER", back1, true);
                // The same person starts again: refused runs of the same cause right before it, but its own start.
                long own = insert(tasks, "USER", null, false);
                // A run of another cause in between, then a step back of the person's start.
                long other = insert(tasks, "AUTO_RESTART", null, false);
                long ownBack = insert(tasks, "USER", own, false);

                assertThat(tasks.stepBacksTo(start, 2)).isZero();
                assertThat(tasks.stepBacksTo(back1, 2)).isEqualTo(1);
                assertThat(tasks.stepBacksTo(back2, 2)).as("the start's budget is spent").isEqualTo(2);
                assertThat(tasks.stepBacksTo(own, 2)).as("a start of its own begins a new count").isZero();
                assertThat(tasks.stepBacksTo(other, 2)).isZero();
                assertThat(tasks.stepBacksTo(ownBack, 2)).as("the run in between is not counted").isEqualTo(1);

                StreamTask read = tasks.selectById(back2);
                assertThat(read.stepBackOf()).isEqualTo(back1);
                assertThat(read.allowNonRestoredState()).as("the start's choice, carried").isTrue();
                assertThat(tasks.selectById(own).allowNonRestoredState()).isFalse();
                assertThat(tasks.selectById(own).stepBackOf()).isNull();
                assertThat(tasks.selectRecent(1, 10)).extracting(StreamTask::stepBackOf)
                        .containsExactly(own, null, null, back1, start, null);

                // A chain longer than a start may step back is read no further than needed to say so.
                long t = back2;
                for (int i = 0; i < 5; i++) {
                    t = insert(tasks, "USER", t, false);
                }
                assertThat(tasks.stepBacksTo(t, 2)).isEqualTo(3);
                assertThat(tasks.stepBacksTo(t, 10)).isEqualTo(7);
            }
        } finally {
            if (db.equals("mariadb")) {
                exec(MARIADB, "DROP DATABASE IF EXISTS " + schema);
            }
        }
    }

    private static long insert(TaskMapper tasks, String cause, Long stepBackOf, boolean allowNonRestored) {
        TaskMapper.NewTask row = new TaskMapper.NewTask(1, 1, "v00001", 6, "alice", "host:1", "{}", null,
                "embedded", cause, "{}", stepBackOf, allowNonRestored);
        tasks.insert(row);
        return row.id;
    }

    private static SqlSessionFactory factory(String url, String user) {
        PooledDataSource ds = new PooledDataSource(url.startsWith("jdbc:h2") ? "org.h2.Driver"
                : "org.mariadb.jdbc.Driver", url, user, "");
        Configuration c = new Configuration(new Environment("test", new JdbcTransactionFactory(), ds));
        c.setMapUnderscoreToCamelCase(true);
        c.addMapper(TaskMapper.class);
        return new SqlSessionFactoryBuilder().build(c);
    }

    private static void exec(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "root", ""); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
