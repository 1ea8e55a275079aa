package io.streamis.jobmanager.lease;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamis.jobmanager.monitor.RestartDueMapper;
import io.streamis.jobmanager.task.TaskMapper;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.ibatis.datasource.pooled.PooledDataSource;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;
import org.awaitility.Awaitility;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The lease's fencing on the real databases (H2 in MySQL mode, MariaDB): once another node took the lease (a new
 * epoch), every write the deposed leader makes with its old epoch is refused, and a takeover waits for a leader's
 * action that already locked the lease row.
 */
class LeaseFencingTest {

    private static final long PERIOD_MICROS = 400_000;
    private static final String MARIADB = "jdbc:mariadb://127.0.0.1:3306/";

    static Stream<Arguments> databases() {
        return Stream.of(Arguments.of("h2"), Arguments.of("mariadb"));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aDeposedLeadersWritesAreRefused(String db) throws Exception {
        String schema = "streamis_lease_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String url = db.equals("h2") ? "jdbc:h2:mem:" + schema + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
                + "NON_KEYWORDS=KEY,VALUE;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000" : MARIADB + schema;
        String user = db.equals("h2") ? "sa" : "root";
        if (db.equals("mariadb")) {
            exec(MARIADB, "CREATE DATABASE " + schema + " CHARACTER SET utf8mb4");
        }
        try {
            Flyway.configure().dataSource(url, user, "").locations("classpath:db/migration").load().migrate();
            SqlSessionFactory factory = factory(url, user);
            long taskId;
            try (SqlSession s = factory.openSession(true)) {
                s.update("insertTask");
                taskId = s.<Long>selectOne("lastTask");
            }
            try (SqlSession a = factory.openSession(true); SqlSession b = factory.openSession(true)) {
                LeaseMapper leaseA = a.getMapper(LeaseMapper.class);
                LeaseMapper leaseB = b.getMapper(LeaseMapper.class);
                TaskMapper tasksA = a.getMapper(TaskMapper.class);
                TaskMapper tasksB = b.getMapper(TaskMapper.class);

                assertThat(leaseA.acquire("node-a", PERIOD_MICROS, "")).isEqualTo(1);
                long epochA = leaseA.current().epoch();
                assertThat(leaseB.acquire("node-b", PERIOD_MICROS, "")).as("held and live: not taken").isZero();
                assertThat(tasksA.transitionAsLeader(taskId, 5, 10, "lost", "node-a", epochA)).isEqualTo(1);
                assertThat(tasksB.transitionAsLeader(taskId, 10, 5, null, "node-b", epochA))
                        .as("a node that never held the lease").isZero();

                // Node A freezes past its lease; node B takes it over with the next epoch.
                Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                        .until(() -> leaseB.acquire("node-b", PERIOD_MICROS * 20, "") == 1);
                long epochB = leaseB.current().epoch();
                assertThat(epochB).isEqualTo(epochA + 1);

                assertThat(tasksA.transitionAsLeader(taskId, 10, 6, "deposed", "node-a", epochA))
                        .as("the deposed leader's status write").isZero();
                assertThat(leaseA.renew("node-a", epochA, PERIOD_MICROS)).as("nor can it renew").isZero();
                assertThat(tasksB.selectById(taskId).status()).isEqualTo(10);
                assertThat(tasksB.transitionAsLeader(taskId, 10, 6, "failed", "node-b", epochB)).isEqualTo(1);
                assertThat(leaseA.lockHeld("node-a", epochA)).isNull();
                assertThat(leaseB.lockHeld("node-b", epochB)).isEqualTo(epochB);
            }

            // A leader's action holding the lease row (its intent's transaction) delays a takeover until it ends,
            // even when the lease runs out meanwhile: the action is decided under a lease that was still held.
            try (SqlSession leader = factory.openSession(false); SqlSession other = factory.openSession(true)) {
                LeaseMapper lease = leader.getMapper(LeaseMapper.class);
                long epoch = lease.current().epoch();
                assertThat(other.getMapper(LeaseMapper.class).renew("node-b", epoch, 1_000_000)).isEqualTo(1);
                long renewed = System.nanoTime();
                assertThat(lease.lockHeld("node-b", epoch)).isEqualTo(epoch);
                Thread.sleep(Math.max(0, 1_200 - (System.nanoTime() - renewed) / 1_000_000));
                CompletableFuture<Integer> takeover = CompletableFuture.supplyAsync(
                        () -> other.getMapper(LeaseMapper.class).acquire("node-c", PERIOD_MICROS, ""));
                Thread.sleep(500);
                assertThat(takeover).as("the takeover waits for the action's transaction").isNotDone();
                leader.commit(true);
                assertThat(takeover.get(10, TimeUnit.SECONDS)).as("then takes the lapsed lease").isEqualTo(1);
                assertThat(lease.current().epoch()).isEqualTo(epoch + 1);
            }
        } finally {
            if (db.equals("mariadb")) {
                exec(MARIADB, "DROP DATABASE IF EXISTS " + schema);
            }
        }
    }

    private static SqlSessionFactory factory(String url, String user) {
        PooledDataSource ds = new PooledDataSource(db(url), url, user, "");
        Configuration c = new Configuration(new Environment("test", new JdbcTransactionFactory(), ds));
        c.setMapUnderscoreToCamelCase(true);
        c.setArgNameBasedConstructorAutoMapping(true);
        c.addMapper(LeaseMapper.class);
        c.addMapper(TaskMapper.class);
        c.addMapper(RestartDueMapper.class);
        c.addMapper(Fixture.class);
        return new SqlSessionFactoryBuilder().build(c);
    }

    private static String db(String url) {
        return url.startsWith("jdbc:h2") ? "org.h2.Driver" : "org.mariadb.jdbc.Driver";
    }

    /** Test rows only. */
    interface Fixture {
        @org.apache.ibatis.annotations.Insert("INSERT INTO linkis_stream_task (job_version_id, job_id, version,"
                + " status, start_time, last_update_time, restart_due_at) VALUES (1, 1, 'v00001', 5,"
                + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
        int insertTask();

        @org.apache.ibatis.annotations.Select("SELECT MAX(id) FROM linkis_stream_task")
        Long lastTask();
    }

    private static void exec(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "root", ""); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
