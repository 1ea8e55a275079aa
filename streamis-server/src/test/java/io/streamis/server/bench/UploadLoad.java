package io.streamis.server.bench;

import io.streamis.server.support.Zips;
import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Job zip uploads by closed-loop clients (issue 13: "upload throughput deserves a look"): each client uploads a new
 * job's zip (a SQL job with the seed's config groups), waits for the answer and uploads the next; half of the
 * uploads are a second version of a job the client uploaded before. Prints uploads/s and p50/p99.
 */
final class UploadLoad {

    static void run(String base, int clients, int seconds) throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/api/rest_j/v1/user/login"))
                .header("Content-Type", "application/json").header("X-Requested-With", "XMLHttpRequest")
                .POST(HttpRequest.BodyPublishers.ofString("{\"userName\":\"admin\",\"password\":\"bench-password\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (!login.body().contains("\"status\":0")) {
            throw new IllegalStateException("login failed: " + login.body());
        }
        for (int i = 0; i < 30; i++) {
            upload(http, base, "warm_" + i);
        }
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long t0 = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int client = c;
            pool.submit(() -> {
                for (int i = 0; System.nanoTime() < end; i++) {
                    String job = "up_" + client + "_" + (i % 2 == 0 ? i : i - 1);
                    long s = System.nanoTime();
                    try {
                        HttpResponse<String> r = upload(http, base, job);
                        if (!r.body().contains("\"status\":0") && errors.incrementAndGet() <= 3) {
                            System.out.println("upload failed: " + r.body());
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    latencies.add(System.nanoTime() - s);
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - t0) / 1e9;
        long[] l = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("%d uploads by %d clients in %.1f s: %.1f uploads/s, p50 %.1f ms, p99 %.1f ms, %d errors%n",
                l.length, clients, elapsed, l.length / elapsed, l[l.length / 2] / 1e6,
                l[Math.max(0, (int) Math.ceil(l.length * 0.99) - 1)] / 1e6, errors.get());
    }

    private static HttpResponse<String> upload(HttpClient http, String base, String job) throws Exception {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("meta.json"));
            out.write(Zips.sqlMeta("default", job, "INSERT INTO sink SELECT * FROM source", null)
                    .getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        String boundary = "----streamis" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"projectName\"\r\n\r\ndefault\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"job.zip\"\r\n"
                + "Content-Type: application/zip\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(zip.toByteArray());
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create(base
                        + "/api/rest_j/v1/streamis/streamJobManager/job/upload"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("X-Requested-With", "XMLHttpRequest")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private UploadLoad() {
    }
}
