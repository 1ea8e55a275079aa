package io.streamis.server.bench;

import io.streamis.server.StreamisServerApplication;
import io.streamis.server.support.MariaDbSchema;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.commons.io.FileUtils;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The API under read load (issue 13, "The API at 10,000 jobs"): a real server on a fresh MariaDB schema holding N
 * jobs in one project (each with two versions, 70 % started once), driven over HTTP by an open-loop load
 * generator at R requests/s for S seconds with a mix of list pages (filters, deep pages), job info, status of 50
 * ids, versions and config. Latency is measured from each request's scheduled send time, so a slow server cannot
 * hide its queueing (no coordinated omission). Prints p50/p99 per endpoint.
 * Usage: ApiLoadBenchmark [jobs=10000] [rate=200] [seconds=60]
 *        ApiLoadBenchmark --uploads [jobs=10000] [clients=8] [seconds=20]   (zip uploads, see {@link UploadLoad})
 */
public final class ApiLoadBenchmark {

    private static final String API = "/api/rest_j/v1/streamis/streamJobManager";

    public static void main(String[] args) throws Exception {
        boolean uploads = args.length > 0 && args[0].equals("--uploads");
        if (uploads) {
            args = java.util.Arrays.copyOfRange(args, 1, args.length);
        }
        int jobs = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        MariaDbSchema schema = new MariaDbSchema();
        String url = schema.create();
        Path data = Files.createTempDirectory("streamis-api-bench");
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(StreamisServerApplication.class).run(
                "--server.port=0", "--streamis.data-dir=" + data, "--streamis.server.admin-password=bench-password",
                "--logging.level.root=WARN", "--streamis.launcher.embedded.enabled=false",
                "--streamis.jobmanager.monitor.enabled=false", "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + MariaDbSchema.USER,
                "--spring.datasource.password=" + MariaDbSchema.PASSWORD)) {
            long t0 = System.nanoTime();
            long firstJob = seed(url, jobs);
            System.out.printf("seeded %d jobs in %.1f s%n", jobs, (System.nanoTime() - t0) / 1e9);
            String base = "http://127.0.0.1:" + ctx.getEnvironment().getProperty("local.server.port");
            if (uploads) {
                // here "rate" is the number of closed-loop clients
                UploadLoad.run(base, rate, seconds);
            } else {
                run(base, firstJob, jobs, rate, seconds);
            }
        } finally {
            schema.drop();
            FileUtils.deleteQuietly(data.toFile());
        }
    }

    /** Inserts the jobs, their versions and one task for 70 % of them, as a start's intent leaves them. */
    static long seed(String url, int n) throws Exception {
        // The bulk protocol cannot batch INSERT ... SELECT; plain batches are fast enough for seeding.
        try (Connection c = DriverManager.getConnection(url + "?useBulkStmts=false", MariaDbSchema.USER,
                MariaDbSchema.PASSWORD)) {
            c.setAutoCommit(false);
            Random random = new Random(42);
            try (PreparedStatement job = c.prepareStatement("INSERT INTO linkis_stream_job (project_name, name,"
                    + " create_by, job_type, label, current_version, version_seq) VALUES ('default', ?, 'admin',"
                    + " 'flink.sql', ?, 'v00002', 2)", PreparedStatement.RETURN_GENERATED_KEYS)) {
                for (int i = 0; i < n; i++) {
                    job.setString(1, "bench_" + i);
                    job.setString(2, "team" + (i % 20));
                    job.addBatch();
                }
                job.executeBatch();
            }
            c.commit();
            long first;
            try (var st = c.createStatement(); var rs = st.executeQuery("SELECT MIN(id) FROM linkis_stream_job")) {
                rs.next();
                first = rs.getLong(1);
            }
            try (PreparedStatement v = c.prepareStatement("INSERT INTO linkis_stream_job_version (job_id, version,"
                    + " version_no, job_content, comment, create_by) VALUES (?, ?, ?, '{\"type\":\"sql\",\"sql\":"
                    + "\"SELECT 1\"}', 'bench', 'admin')")) {
                for (int i = 0; i < n; i++) {
                    for (int no = 1; no <= 2; no++) {
                        v.setLong(1, first + i);
                        v.setString(2, String.format("v%05d", no));
                        v.setInt(3, no);
                        v.addBatch();
                    }
                }
                v.executeBatch();
            }
            c.commit();
            // Running, stopped and failed runs; no STARTING ones: a start is STARTING for seconds, and rows left
            // STARTING with nobody driving them would keep the start follower polling all of them the whole run.
            int[] statuses = {5, 5, 5, 7, 6};
            try (PreparedStatement t = c.prepareStatement("INSERT INTO linkis_stream_task (job_version_id, job_id,"
                    + " version, status, start_time, last_update_time, submit_user, cluster, start_cause)"
                    + " SELECT v.id, v.job_id, 'v00002', ?, ?, ?, 'admin', 'embedded', 'USER'"
                    + " FROM linkis_stream_job_version v WHERE v.job_id = ? AND v.version_no = 2")) {
                LocalDateTime start = LocalDateTime.now().minusDays(30);
                for (int i = 0; i < n; i++) {
                    if (random.nextInt(10) < 7) {
                        Timestamp at = Timestamp.valueOf(start.plusSeconds(random.nextInt(30 * 86_400)));
                        t.setInt(1, statuses[random.nextInt(statuses.length)]);
                        t.setTimestamp(2, at);
                        t.setTimestamp(3, at);
                        t.setLong(4, first + i);
                        t.addBatch();
                    }
                }
                t.executeBatch();
            }
            try (var st = c.createStatement()) {
                st.executeUpdate("UPDATE linkis_stream_job j JOIN linkis_stream_task t ON t.job_id = j.id"
                        + " SET j.latest_task_id = t.id, j.last_start = t.start_time");
            }
            c.commit();
            return first;
        }
    }

    static void run(String base, long firstJob, int jobs, int rate, int seconds) throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(32)).build();
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base
                        + "/api/rest_j/v1/user/login")).header("Content-Type", "application/json")
                .header("X-Requested-With", "XMLHttpRequest")
                .POST(HttpRequest.BodyPublishers.ofString("{\"userName\":\"admin\",\"password\":\"bench-password\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (login.statusCode() != 200 || !login.body().contains("\"status\":0")) {
            throw new IllegalStateException("login failed: " + login.body());
        }
        Random random = new Random(7);
        Map<String, Supplier<HttpRequest>> mix = new LinkedHashMap<>();
        mix.put("list page 1", () -> get(base, API + "/job/list?projectName=default&pageNow=1&pageSize=20"));
        mix.put("list status=5 page 3", () -> get(base, API + "/job/list?projectName=default&jobStatus=5"
                + "&pageNow=3&pageSize=20"));
        mix.put("list name filter", () -> get(base, API + "/job/list?projectName=default&jobName=bench_"
                + random.nextInt(1000) + "&pageNow=1&pageSize=20"));
        mix.put("list deep page", () -> get(base, API + "/job/list?projectName=default&pageNow="
                + (1 + random.nextInt(Math.max(1, jobs / 20))) + "&pageSize=20"));
        mix.put("jobInfo", () -> get(base, API + "/job/jobInfo?jobId=" + (firstJob + random.nextInt(jobs))));
        mix.put("status of 50", () -> {
            StringBuilder ids = new StringBuilder();
            for (int i = 0; i < 50; i++) {
                ids.append(i == 0 ? "" : ",").append(firstJob + random.nextInt(jobs));
            }
            return HttpRequest.newBuilder(URI.create(base + API + "/job/status"))
                    .header("Content-Type", "application/json").header("X-Requested-With", "XMLHttpRequest")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"id_list\":[" + ids + "]}")).build();
        });
        mix.put("versions", () -> get(base, API + "/job/" + (firstJob + random.nextInt(jobs)) + "/versions"));
        mix.put("config json", () -> get(base, API + "/config/json/" + (firstJob + random.nextInt(jobs))));
        List<String> names = new ArrayList<>(mix.keySet());

        // Warm-up, not measured: 200 requests one at a time (connection pool, first compilations), then 20 s at the
        // measured rate, so the numbers describe a server in its steady state, not its JIT compilers catching up.
        for (int i = 0; i < 200; i++) {
            http.send(mix.get(names.get(i % names.size())).get(), HttpResponse.BodyHandlers.discarding());
        }
        phase(http, mix, names, random, rate, Math.min(20, seconds), null);
        Map<String, ConcurrentLinkedQueue<Long>> latencies = new ConcurrentHashMap<>();
        names.forEach(n -> latencies.put(n, new ConcurrentLinkedQueue<>()));
        long origin = System.nanoTime();
        int errors = phase(http, mix, names, random, rate, seconds, latencies);
        double elapsed = (System.nanoTime() - origin) / 1e9;
        System.out.printf("%d jobs, %d requests at %d/s offered over %d s (took %.1f s), %d errors%n", jobs,
                rate * seconds, rate, seconds, elapsed, errors);
        System.out.printf("%-22s %8s %9s %9s %9s%n", "endpoint", "count", "p50 ms", "p99 ms", "max ms");
        for (String n : names) {
            long[] l = latencies.get(n).stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf("%-22s %8d %9.1f %9.1f %9.1f%n", n, l.length, pct(l, 50), pct(l, 99),
                    l.length == 0 ? 0 : l[l.length - 1] / 1e6);
        }
        ((java.util.concurrent.ExecutorService) http.executor().orElseThrow()).shutdownNow();
    }

    /**
     * Sends {@code rate} requests/s for {@code seconds} (open loop: one request per period whatever the answers) and
     * waits for the answers; records each latency from its scheduled send time when {@code latencies} is given.
     * Returns the number of failed requests.
     */
    private static int phase(HttpClient http, Map<String, Supplier<HttpRequest>> mix, List<String> names,
                             Random random, int rate, int seconds,
                             Map<String, ConcurrentLinkedQueue<Long>> latencies) throws InterruptedException {
        AtomicInteger errors = new AtomicInteger();
        int total = rate * seconds;
        CountDownLatch done = new CountDownLatch(total);
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        long periodNanos = 1_000_000_000L / rate;
        long origin = System.nanoTime() + 10_000_000;
        AtomicInteger sent = new AtomicInteger();
        clock.scheduleAtFixedRate(() -> {
            int i = sent.getAndIncrement();
            if (i >= total) {
                return;
            }
            String name = names.get(i % names.size());
            long scheduled = origin + i * periodNanos;
            HttpRequest request;
            synchronized (random) {
                request = mix.get(name).get();
            }
            http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> {
                if (e != null || r.statusCode() != 200 || !r.body().contains("\"status\":0")) {
                    if (errors.incrementAndGet() <= 3) {
                        System.out.println(name + " failed: " + (e != null ? e.toString()
                                : r.statusCode() + " " + r.body().substring(0, Math.min(300, r.body().length()))));
                    }
                }
                if (latencies != null) {
                    latencies.get(name).add(System.nanoTime() - scheduled);
                }
                done.countDown();
            });
        }, 10_000_000, periodNanos, TimeUnit.NANOSECONDS);
        done.await(seconds + 120L, TimeUnit.SECONDS);
        clock.shutdownNow();
        return errors.get();
    }

    private static HttpRequest get(String base, String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).GET().build();
    }

    private static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    private ApiLoadBenchmark() {
    }
}
