package io.streamis.launcher.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.streamis.launcher.client.JobOverview;
import io.streamis.launcher.client.RestFlinkClusterGateway;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Cost of one tracking cycle against a fake Flink REST endpoint serving /jobs/overview for 1,000 and 10,000
 * jobs: one HTTP call, parse, and matching every tracked task to its entry (what TaskMonitor does per cluster).
 * Prints time and bytes allocated per cycle on the polling thread. Target: 10,000 jobs well inside a 5 s cycle.
 */
public final class TrackingPollBenchmark {

    public static void main(String[] args) throws Exception {
        for (int n : new int[]{1_000, 10_000}) {
            bench(n);
        }
    }

    private static void bench(int n) throws Exception {
        StringBuilder sb = new StringBuilder("{\"jobs\":[");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = String.format("%032x", i);
            ids.add(id);
            sb.append(i == 0 ? "" : ",").append("{\"jid\":\"").append(id).append("\",\"name\":\"proj.job").append(i)
                    .append("\",\"start-time\":1795444082778,\"end-time\":-1,\"duration\":13232,\"state\":\"")
                    .append(i % 100 == 0 ? "FAILED" : "RUNNING").append("\",\"last-modification\":1795444082987,")
                    .append("\"tasks\":{\"running\":2,\"canceling\":0,\"canceled\":0,\"total\":2,\"created\":0,")
                    .append("\"scheduled\":0,\"deploying\":0,\"reconciling\":0,\"finished\":0,\"initializing\":0,")
                    .append("\"failed\":0}}");
        }
        byte[] body = sb.append("]}").toString().getBytes(StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/jobs/overview", ex -> {
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        try {
            RestFlinkClusterGateway gateway = new RestFlinkClusterGateway("fake",
                    () -> "http://127.0.0.1:" + server.getAddress().getPort(), new ObjectMapper());
            com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long tid = Thread.currentThread().getId();
            for (int i = 0; i < 5; i++) {
                cycle(gateway, ids);
            }
            int cycles = 20;
            long bytes0 = mx.getThreadAllocatedBytes(tid);
            long t0 = System.nanoTime();
            long worst = 0;
            int failed = 0;
            for (int i = 0; i < cycles; i++) {
                long c0 = System.nanoTime();
                failed = cycle(gateway, ids);
                worst = Math.max(worst, System.nanoTime() - c0);
            }
            long avg = (System.nanoTime() - t0) / cycles;
            long alloc = (mx.getThreadAllocatedBytes(tid) - bytes0) / cycles;
            System.out.printf("%,6d jobs (%d KB response): %.1f ms/cycle avg, %.1f ms worst, %.1f MB allocated/cycle,"
                            + " %d failures seen; status lag <= poll interval + %.0f ms%n", n, body.length / 1024,
                    avg / 1e6, worst / 1e6, alloc / 1e6, failed, worst / 1e6);
        } finally {
            server.stop(0);
        }
    }

    private static int cycle(RestFlinkClusterGateway gateway, List<String> tracked) {
        Map<String, JobOverview> overview = gateway.jobsOverview();
        int failed = 0;
        for (String id : tracked) {
            JobOverview o = overview.get(id);
            if (o == null || o.state().isGloballyTerminal() || !o.allTasksRunning()) {
                failed++;
            }
        }
        return failed;
    }
}
