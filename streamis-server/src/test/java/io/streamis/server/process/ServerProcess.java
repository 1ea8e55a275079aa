package io.streamis.server.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * A Streamis server in its own JVM, started the way {@code bin/start.sh} starts it (same main class, the Flink
 * JVM options, output appended to a log file) and stopped with a real signal. Tests talk to it over HTTP only.
 */
final class ServerProcess implements AutoCloseable {

    static final String API = "/api/rest_j/v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final int port;
    private final Path log;
    private final HttpClient http;

    private ServerProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** Starts a server on {@code data} (H2 file database there, embedded Flink) and waits until it answers. */
    static ServerProcess start(Path data, String... extraArgs) throws Exception {
        ServerProcess server = launch(data, extraArgs);
        try {
            server.awaitHealthy(Duration.ofSeconds(120));
            server.login("admin", "admin-password-1");
            return server;
        } catch (Exception | AssertionError e) {
            server.close(); // nobody else holds it yet
            throw e;
        }
    }

    /** Starts a server process without waiting for it (a test that expects a refusal watches it exit). */
    static ServerProcess launch(Path data, String... extraArgs) throws Exception {
        int port = freePort();
        Path log = data.resolve("logs/streamis.out");
        Files.createDirectories(log.getParent());
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // The Flink --add-opens of this JVM (surefire argLine) are what bin/streamis-env.sh passes too.
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("--add-")) {
                cmd.add(arg);
            }
        }
        cmd.addAll(List.of("-Xmx768m", "-cp", System.getProperty("java.class.path"),
                "io.streamis.server.StreamisServerApplication",
                "--server.port=" + port,
                "--streamis.data-dir=" + data,
                "--streamis.server.admin-password=admin-password-1",
                "--streamis.launcher.embedded.slots=4",
                "--streamis.jobmanager.monitor.interval=500ms",
                "--logging.level.root=INFO",
                "--logging.level.org.apache.flink=WARN"));
        cmd.addAll(List.of(extraArgs));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return new ServerProcess(p, port, log);
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    Process process() {
        return process;
    }

    /** Sends a signal by name (STOP, CONT) to the server's JVM. */
    void signal(String name) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new AssertionError("kill -" + name + " " + process.pid() + " failed");
        }
    }

    /** {@code kill -9}: no shutdown hook, no lease release, no goodbye. */
    void kill() throws Exception {
        process.destroyForcibly().waitFor();
    }

    /** {@code /actuator/health}'s leadership details of this node. */
    JsonNode leadership() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/actuator/health")).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body()).at("/components/leadership/details");
    }

    /** Uploads a job zip (multipart field {@code file}) into {@code project}. */
    JsonNode upload(String project, String fileName, byte[] zip) throws Exception {
        String boundary = "----streamis" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/zip\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.write(zip);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return send(request("/streamis/streamJobManager/job/upload?projectName=" + project)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    void awaitHealthy(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("server exited during start (" + process.exitValue() + "); log:\n" + log());
            }
            try {
                // Readiness, not liveness: the runners (admin bootstrap, lease, recovery) have run.
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/actuator/health/readiness")).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("server did not answer within " + timeout + "; log:\n" + log());
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + API + path);
    }

    void login(String user, String password) throws Exception {
        JsonNode r = post("/user/login", "{\"userName\":\"" + user + "\",\"password\":\"" + password + "\"}");
        if (r.get("status").asInt() != 0) {
            throw new AssertionError("login failed: " + r);
        }
    }

    JsonNode post(String path, String json) throws Exception {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    JsonNode put(String path, String json) throws Exception {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    JsonNode get(String path) throws Exception {
        return send(request(path).GET());
    }

    private HttpRequest.Builder request(String path) {
        // What a browser on the server's own page sends with every state-changing request.
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(120))
                .header("Origin", "http://127.0.0.1:" + port);
    }

    private JsonNode send(HttpRequest.Builder b) throws Exception {
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body());
    }

    /**
     * A login whose body arrives one byte at a time over {@code duration}: a request the server is still serving
     * when a stop begins, which keeps the web server's graceful drain busy. Returns once the headers and the first
     * byte are sent; the future completes with the response's status line.
     */
    CompletableFuture<String> slowRequest(Duration duration) throws IOException {
        byte[] body = "{\"userName\":\"admin\",\"password\":\"admin-password-1\"}"
                .getBytes(StandardCharsets.UTF_8);
        Socket socket = new Socket("127.0.0.1", port);
        OutputStream out = socket.getOutputStream();
        out.write(("POST " + API + "/user/login HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nOrigin: http://127.0.0.1:"
                + port + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.write(body[0]);
        out.flush();
        long pause = duration.toMillis() / body.length;
        return CompletableFuture.supplyAsync(() -> {
            try (socket) {
                for (int i = 1; i < body.length; i++) {
                    Thread.sleep(pause); // the pace of a slow client, not a wait for a condition
                    out.write(body[i]);
                    out.flush();
                }
                return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))
                        .readLine();
            } catch (IOException | InterruptedException e) {
                throw new CompletionException(e);
            }
        }, runnable -> new Thread(runnable, "slow-client").start());
    }

    /** Sends SIGTERM (what {@code bin/stop.sh} does) and waits for the process to end. */
    int terminate(Duration timeout) throws Exception {
        process.destroy(); // SIGTERM on Unix
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("server did not stop within " + timeout + " of SIGTERM; log:\n" + log());
        }
        return process.exitValue();
    }

    /**
     * Stops the server with {@code bin/stop.sh} (pid file in the data dir, as {@code bin/start.sh} leaves it) and
     * a grace period of {@code graceSeconds}; returns the script's output.
     */
    String stopWithScript(Path data, int graceSeconds) throws Exception {
        Files.writeString(data.resolve("streamis.pid"), process.pid() + "\n");
        Path script = Path.of("..", "bin", "stop.sh").toAbsolutePath().normalize();
        ProcessBuilder pb = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true);
        pb.environment().put("STREAMIS_DATA_DIR", data.toString());
        pb.environment().put("STREAMIS_STOP_TIMEOUT", String.valueOf(graceSeconds));
        Process stop = pb.start();
        String out = new String(stop.getInputStream().readAllBytes());
        if (!stop.waitFor(180, TimeUnit.SECONDS)) {
            stop.destroyForcibly();
            throw new AssertionError("bin/stop.sh did not return; output: " + out);
        }
        process.waitFor(10, TimeUnit.SECONDS);
        return out;
    }

    String log() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            process.destroyForcibly().waitFor();
        }
    }
}
