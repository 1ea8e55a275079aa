package io.streamis.server.bench;

import com.sun.net.httpserver.HttpServer;
import io.streamis.jobmanager.monitor.TaskMonitor;
import io.streamis.jobmanager.task.TaskMapper;
import io.streamis.launcher.cluster.FlinkClusters;
import io.streamis.server.StreamisServerApplication;
import io.streamis.server.support.MariaDbSchema;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.io.FileUtils;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The monitor's whole cycle ({@link TaskMonitor#poll}) at N running jobs on MariaDB against a fake Flink REST
 * endpoint: the database read of the watched tasks, the one {@code /jobs/overview} call, reconciliation of every
 * task, the status writes (fenced by the leader's epoch) of the 1% of jobs that change each cycle (Flink restarting
 * them ↔ running again), and the checkpoint reads of the per-cycle budget (answered 404: the call is counted, no
 * restore point is written). Prints cycle time, bytes allocated per cycle on the polling thread and heap after GC.
 * Usage: MonitorCycleBenchmark [N ...] (default 10000)
 */
public final class MonitorCycleBenchmark {

    private MonitorCycleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int[] sizes = args.length == 0 ? new int[] {10_000} : java.util.Arrays.stream(args).mapToInt(Integer::parseInt)
                .toArray();
        for (int n : sizes) {
            bench(n);
        }
    }

    private static void bench(int n) throws Exception {
        AtomicInteger cycle = new AtomicInteger();
        HttpServer flink = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        flink.createContext("/jobs/overview", ex -> {
            byte[] body = overview(n, cycle.get());
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        flink.createContext("/jobs/", ex -> {
            ex.sendResponseHeaders(404, -1);
            ex.close();
        });
        flink.start();
        MariaDbSchema schema = new MariaDbSchema();
        String url = schema.create();
        Path data = Files.createTempDirectory("streamis-monitor-bench");
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(StreamisServerApplication.class).run(
                "--server.port=0", "--streamis.data-dir=" + data, "--streamis.server.admin-password=bench-password",
                "--spring.datasource.url=" + url, "--spring.datasource.username=" + MariaDbSchema.USER,
                "--spring.datasource.password=" + MariaDbSchema.PASSWORD,
                "--streamis.launcher.embedded.enabled=false", "--streamis.launcher.default-cluster=fake",
                "--streamis.launcher.clusters.fake.type=standalone",
                "--streamis.launcher.clusters.fake.rest-url=http://127.0.0.1:" + flink.getAddress().getPort(),
                "--streamis.jobmanager.monitor.enabled=false", "--logging.level.root=WARN")) {
            insertRunningTasks(ctx.getBean(JdbcTemplate.class), n);
            TaskMonitor monitor = ctx.getBean(TaskMonitor.class);
            com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long tid = Thread.currentThread().getId();
            int warm = n >= 100_000 ? 1 : 3;
            int cycles = n >= 100_000 ? 3 : 10;
            for (int i = 0; i < warm; i++) {
                cycle.incrementAndGet();
                monitor.poll();
            }
            long worst = 0;
            long total = 0;
            long bytes0 = mx.getThreadAllocatedBytes(tid);
            for (int i = 0; i < cycles; i++) {
                cycle.incrementAndGet();
                long c0 = System.nanoTime();
                monitor.poll();
                long d = System.nanoTime() - c0;
                worst = Math.max(worst, d);
                total += d;
            }
            long alloc = (mx.getThreadAllocatedBytes(tid) - bytes0) / cycles;
            // Where the time goes: the two reads every cycle starts with, timed alone.
            TaskMapper tasks = ctx.getBean(TaskMapper.class);
            long r0 = System.nanoTime();
            tasks.selectByStatuses(List.of(2, 5, 8, 10));
            long dbRead = System.nanoTime() - r0;
            long o0 = System.nanoTime();
            ctx.getBean(FlinkClusters.class).get("fake").jobsOverview();
            long overviewCall = System.nanoTime() - o0;
            long waiting = ctx.getBean(JdbcTemplate.class).queryForObject(
                    "SELECT COUNT(*) FROM linkis_stream_task WHERE status = 2", Long.class);
            System.gc();
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            System.out.printf("monitor cycle, %,d running jobs on MariaDB: %.0f ms avg, %.0f ms worst, %.1f MB"
                            + " allocated/cycle (polling thread), heap after GC %d MB (whole server), %d status"
                            + " writes/cycle (%d waiting for restart now); of a cycle: task read %.0f ms,"
                            + " /jobs/overview call + parse %.0f ms%n", n, total / 1e6 / cycles, worst / 1e6,
                    alloc / 1e6, heap >> 20, n / 100, waiting, dbRead / 1e6, overviewCall / 1e6);
        } finally {
            flink.stop(0);
            schema.drop();
            FileUtils.deleteQuietly(data.toFile());
        }
    }

    /** Jobs 0..n-1; every 100th is restarting by Flink's own strategy in odd cycles and running again in even ones. */
    private static byte[] overview(int n, int cycle) {
        StringBuilder sb = new StringBuilder(n * 330).append("{\"jobs\":[");
        for (int i = 0; i < n; i++) {
            boolean restarting = i % 100 == 0 && cycle % 2 == 1;
            sb.append(i == 0 ? "" : ",").append("{\"jid\":\"").append(jid(i)).append("\",\"name\":\"default.job")
                    .append(i).append("\",\"start-time\":1795444082778,\"end-time\":-1,\"duration\":13232,\"state\":\"")
                    .append(restarting ? "RESTARTING" : "RUNNING").append("\",\"last-modification\":1795444082987,")
                    .append("\"tasks\":{\"running\":").append(restarting ? 0 : 2).append(",\"canceling\":0,")
                    .append("\"canceled\":0,\"total\":2,\"created\":0,\"scheduled\":0,\"deploying\":0,")
                    .append("\"reconciling\":0,\"finished\":0,\"initializing\":0,\"failed\":0}}");
        }
        return sb.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String jid(int i) {
        return String.format("%032x", i);
    }

    private static void insertRunningTasks(JdbcTemplate jdbc, int n) {
        List<Object[]> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            rows.add(new Object[] {i + 1, i + 1, jid(i)});
        }
        jdbc.batchUpdate("INSERT INTO linkis_stream_task (job_version_id, job_id, version, status, start_time,"
                + " last_update_time, submit_user, linkis_job_id, server_instance, cluster, start_cause)"
                + " VALUES (?, ?, 'v00001', 5, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'admin', ?, 'bench:0', 'fake',"
                + " 'USER')", rows);
    }
}
