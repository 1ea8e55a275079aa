package io.streamis.jobmanager.alert;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingDeque;

/**
 * A real HTTP server on 127.0.0.1 that records each request and answers with the next scripted reply (the last
 * one repeats): the far end of webhook and chat deliveries in tests.
 */
public final class RecordingHttpServer implements AutoCloseable {

    /** One received request. */
    public record Received(String method, String path, String query, Map<String, List<String>> headers,
                           String body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /** A scripted answer. */
    public record Reply(int status, String body) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final LinkedBlockingDeque<Reply> replies = new LinkedBlockingDeque<>();
    private volatile Reply last = new Reply(200, "{\"errcode\":0,\"errmsg\":\"ok\",\"code\":0}");

    public RecordingHttpServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getRawQuery(), Map.copyOf(exchange.getRequestHeaders()), body));
            Reply r = replies.poll();
            if (r == null) {
                r = last;
            }
            byte[] out = r.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(r.status(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                exchange.getResponseBody().write(out);
            }
            exchange.close();
        });
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The next answers, in order; after them {@code always} is answered. */
    public RecordingHttpServer script(Reply always, Reply... next) {
        replies.clear();
        replies.addAll(List.of(next));
        last = always;
        return this;
    }

    public List<Received> received() {
        return received;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
