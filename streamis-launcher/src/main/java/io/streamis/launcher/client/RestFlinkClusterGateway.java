package io.streamis.launcher.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Metrics;
import io.streamis.common.error.ErrorCode;
import io.streamis.common.error.Text;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * {@link FlinkClusterGateway} over plain HTTP/JSON. Only REST calls, so one client drives 1.x and 2.x clusters
 * alike (JobGraph submission does not cross versions, flink-notes §6).
 */
public class RestFlinkClusterGateway implements FlinkClusterGateway {

    /**
     * A control or read call (trigger, stop, cancel, status, overview) answers in milliseconds from a healthy
     * JobManager; one frozen or paused past this must not hold a stop until its operation times out, so the caller
     * can decide (kill the application, report the stop as unanswered) while the operation is still its own.
     */
    public static final Duration CALL_TIMEOUT = Duration.ofSeconds(15);
    /** Jar upload, run and log reads: bytes cross the network and {@code /jars/run} runs the program's main. */
    private static final Duration TRANSFER_TIMEOUT = Duration.ofSeconds(60);
    /** {@code DELETE /cluster} is asked of an application believed dead; YARN kills it when this passes. */
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(5);

    private final String name;
    private final Supplier<String> restUrl;
    private final HttpClient http;
    private final ObjectMapper json;

    /** @param restUrl supplied lazily: the embedded cluster knows its port only once started */
    public RestFlinkClusterGateway(String name, Supplier<String> restUrl, ObjectMapper json) {
        this.name = name;
        this.restUrl = restUrl;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String restUrl() {
        return restUrl.get();
    }

    @Override
    public ClusterOverview overview() {
        JsonNode n = get("/overview");
        return new ClusterOverview(n.path("flink-version").asText(), n.path("taskmanagers").asInt(),
                n.path("slots-total").asInt(), n.path("slots-available").asInt(), n.path("jobs-running").asInt());
    }

    @Override
    public String uploadJar(Path jar) {
        String boundary = "----streamis" + UUID.randomUUID();
        String fileName = jar.getFileName().toString().endsWith(".jar") ? jar.getFileName().toString()
                : jar.getFileName() + ".jar";
        try {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"jarfile\"; filename=\""
                    + fileName + "\"\r\nContent-Type: application/x-java-archive\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.write(Files.readAllBytes(jar));
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            JsonNode n = send(HttpRequest.newBuilder(uri("/jars/upload"))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).timeout(TRANSFER_TIMEOUT));
            String file = n.path("filename").asText();
            return file.substring(file.lastIndexOf('/') + 1);
        } catch (IOException e) {
            throw new FlinkClusterException(ErrorCode.FLINK_UNAVAILABLE, 0, "Cannot read jar " + jar + ": "
                    + e.getMessage());
        }
    }

    @Override
    public void deleteJar(String jarId) {
        send(HttpRequest.newBuilder(uri("/jars/" + jarId)).DELETE());
    }

    @Override
    public String runJar(String jarId, RunRequest r) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (r.entryClass() != null) {
            body.put("entryClass", r.entryClass());
        }
        body.put("programArgsList", r.args() == null ? List.of() : r.args());
        if (r.parallelism() != null) {
            body.put("parallelism", r.parallelism());
        }
        if (r.savepointPath() != null) {
            body.put("savepointPath", r.savepointPath());
            body.put("allowNonRestoredState", r.allowNonRestoredState());
        }
        if (r.flinkConfiguration() != null && !r.flinkConfiguration().isEmpty()) {
            body.put("flinkConfiguration", r.flinkConfiguration());
        }
        if (r.jobId() != null) {
            body.put("jobId", r.jobId());
        }
        return send(jsonPost("/jars/" + jarId + "/run", body).timeout(TRANSFER_TIMEOUT)).path("jobid").asText();
    }

    @Override
    public Map<String, JobOverview> jobsOverview() {
        JsonNode jobs = get("/jobs/overview").path("jobs");
        Map<String, JobOverview> out = new HashMap<>(jobs.size() * 2);
        for (JsonNode j : jobs) {
            JsonNode t = j.path("tasks");
            String id = j.path("jid").asText();
            out.put(id, new JobOverview(id, j.path("name").asText(), FlinkJobState.parse(j.path("state").asText()),
                    j.path("start-time").asLong(), j.path("end-time").asLong(), t.path("total").asInt(),
                    t.path("running").asInt(), t.path("finished").asInt()));
        }
        return out;
    }

    @Override
    public CheckpointStats checkpoints(String jobId) {
        JsonNode n = get("/jobs/" + jobId + "/checkpoints");
        JsonNode counts = n.path("counts");
        JsonNode latest = n.path("latest");
        List<CheckpointStats.Completed> history = new ArrayList<>();
        int failedInARow = 0;
        boolean streak = true;
        for (JsonNode h : n.path("history")) {
            String status = h.path("status").asText();
            if ("COMPLETED".equals(status)) {
                history.add(completed(h));
                streak = false;
            } else if ("FAILED".equals(status) && streak) {
                failedInARow++;
            }
        }
        JsonNode restored = latest.path("restored");
        return new CheckpointStats(counts.path("completed").asLong(), counts.path("failed").asLong(),
                counts.path("in_progress").asLong(), counts.path("restored").asLong(),
                latest.path("completed").isObject() ? completed(latest.path("completed")) : null,
                latest.path("savepoint").isObject() ? completed(latest.path("savepoint")) : null,
                restored.isObject() ? new CheckpointStats.Restored(restored.path("id").asLong(),
                        restored.path("external_path").asText(null), restored.path("is_savepoint").asBoolean(),
                        restored.path("restore_timestamp").asLong()) : null, history, failedInARow);
    }

    private static CheckpointStats.Completed completed(JsonNode c) {
        long ts = c.path("latest_ack_timestamp").asLong(c.path("trigger_timestamp").asLong());
        return new CheckpointStats.Completed(c.path("id").asLong(), c.path("external_path").asText(null), ts,
                c.path("state_size").asLong(c.path("checkpointed_size").asLong()),
                c.path("end_to_end_duration").asLong(), c.path("is_savepoint").asBoolean());
    }

    @Override
    public String triggerSavepoint(String jobId, String targetDirectory) {
        return post("/jobs/" + jobId + "/savepoints", Map.of("target-directory", targetDirectory,
                "cancel-job", false, "formatType", "CANONICAL")).path("request-id").asText();
    }

    @Override
    public String stopWithSavepoint(String jobId, String targetDirectory) {
        return post("/jobs/" + jobId + "/stop", Map.of("targetDirectory", targetDirectory, "drain", false))
                .path("request-id").asText();
    }

    @Override
    public SavepointStatus savepointStatus(String jobId, String requestId) {
        JsonNode n = get("/jobs/" + jobId + "/savepoints/" + requestId);
        if (!"COMPLETED".equals(n.path("status").path("id").asText())) {
            return SavepointStatus.pending();
        }
        JsonNode op = n.path("operation");
        if (op.has("failure-cause")) {
            String trace = op.path("failure-cause").path("stack-trace").asText(op.path("failure-cause").toString());
            return SavepointStatus.failed(firstMeaningfulLine(trace));
        }
        String location = op.path("location").asText(null);
        return location == null ? SavepointStatus.failed("Flink reported no savepoint location")
                : SavepointStatus.completed(location);
    }

    @Override
    public void cancel(String jobId) {
        send(HttpRequest.newBuilder(uri("/jobs/" + jobId + "?mode=cancel"))
                .method("PATCH", HttpRequest.BodyPublishers.noBody()));
    }

    @Override
    public JobExceptions exceptions(String jobId) {
        JsonNode n = get("/jobs/" + jobId + "/exceptions");
        List<JobExceptions.Entry> entries = new ArrayList<>();
        for (JsonNode e : n.path("exceptionHistory").path("entries")) {
            entries.add(new JobExceptions.Entry(e.path("timestamp").asLong(), e.path("exceptionName").asText(),
                    e.path("stacktrace").asText(), e.path("taskName").asText(null)));
        }
        String root = n.path("root-exception").asText(null);
        if (root == null && !entries.isEmpty()) {
            root = entries.get(0).stacktrace();
        }
        return new JobExceptions(root, n.path("timestamp").asLong(), entries);
    }

    @Override
    public JobMetrics metrics(String jobId) {
        JsonNode job = get("/jobs/" + jobId);
        List<JobMetrics.Vertex> vertices = new ArrayList<>();
        for (JsonNode v : job.path("vertices")) {
            String vid = v.path("id").asText();
            double in = 0;
            double out = 0;
            try {
                for (JsonNode m : get("/jobs/" + jobId + "/vertices/" + vid
                        + "/subtasks/metrics?get=numRecordsInPerSecond,numRecordsOutPerSecond&agg=sum")) {
                    if ("numRecordsInPerSecond".equals(m.path("id").asText())) {
                        in = m.path("sum").asDouble();
                    } else if ("numRecordsOutPerSecond".equals(m.path("id").asText())) {
                        out = m.path("sum").asDouble();
                    }
                }
            } catch (FlinkClusterException e) {
                // Rates are best effort: a vertex that just restarted has no metrics yet.
            }
            JsonNode metrics = v.path("metrics");
            vertices.add(new JobMetrics.Vertex(vid, v.path("name").asText(), v.path("parallelism").asInt(),
                    v.path("status").asText(), metrics.path("read-records").asLong(),
                    metrics.path("write-records").asLong(), in, out));
        }
        return new JobMetrics(jobId, job.path("name").asText(), job.path("state").asText(), vertices);
    }

    @Override
    public LogPage jobManagerLog(int fromLine, int pageSize, String onlyKeywords, String ignoreKeywords) {
        return clusterLog("/jobmanager", "JobManager", fromLine, pageSize, onlyKeywords, ignoreKeywords);
    }

    @Override
    public LogPage taskManagerLog(int fromLine, int pageSize, String onlyKeywords, String ignoreKeywords) {
        List<String> ids = taskManagerIds();
        if (ids.isEmpty()) {
            return LogPage.notice(LogPage.NO_FILE, Text.of("log.no-taskmanager", "The cluster has no TaskManager"));
        }
        return clusterLog("/taskmanagers/" + ids.get(0), "TaskManager", fromLine, pageSize, onlyKeywords,
                ignoreKeywords);
    }

    private LogPage clusterLog(String base, String what, int fromLine, int pageSize, String onlyKeywords,
                               String ignoreKeywords) {
        JsonNode logs = get(base + "/logs").path("logs");
        String file = null;
        for (JsonNode l : logs) {
            if (l.path("name").asText().endsWith(".log")) {
                file = l.path("name").asText();
            }
        }
        if (file == null) {
            return LogPage.notice(LogPage.NO_FILE, Text.of("log.no-log-file", "This cluster keeps no " + what
                    + " log file (embedded MiniCluster: see the server log)", what));
        }
        return LogPage.of(file, getText(base + "/logs/" + file), fromLine, pageSize, onlyKeywords, ignoreKeywords);
    }

    /** {@code DELETE /cluster}: the whole cluster shuts down (used for a per-job application after its run). */
    public void shutDownCluster() {
        send(HttpRequest.newBuilder(uri("/cluster")).DELETE().timeout(SHUTDOWN_TIMEOUT));
    }

    @Override
    public List<String> taskManagerIds() {
        List<String> ids = new ArrayList<>();
        get("/taskmanagers").path("taskmanagers").forEach(t -> ids.add(t.path("id").asText()));
        return ids;
    }

    private JsonNode get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    private String getText(String path) {
        HttpResponse<byte[]> r = exchange(HttpRequest.newBuilder(uri(path)).GET().timeout(TRANSFER_TIMEOUT));
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    private JsonNode post(String path, Object body) {
        return send(jsonPost(path, body));
    }

    private HttpRequest.Builder jsonPost(String path, Object body) {
        try {
            return HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private JsonNode send(HttpRequest.Builder b) {
        HttpResponse<byte[]> r = exchange(b);
        try {
            return r.body().length == 0 ? json.createObjectNode() : json.readTree(r.body());
        } catch (IOException e) {
            throw new FlinkClusterException(ErrorCode.FLINK_UNAVAILABLE, r.statusCode(), "Cluster " + name
                    + " answered something that is not JSON");
        }
    }

    /** A builder given no timeout of its own gets {@link #CALL_TIMEOUT}. */
    private HttpResponse<byte[]> exchange(HttpRequest.Builder b) {
        HttpRequest built = b.build();
        HttpRequest req = built.timeout().isPresent() ? built : b.timeout(CALL_TIMEOUT).build();
        HttpResponse<byte[]> r;
        long t0 = System.nanoTime();
        String outcome = "unreachable";
        try {
            r = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
            outcome = r.statusCode() >= 400 ? "error" : "ok";
        } catch (IOException e) {
            throw new FlinkClusterException(ErrorCode.FLINK_UNAVAILABLE, 0, "Flink cluster " + name + " at "
                    + restUrl() + " is unreachable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FlinkClusterException(ErrorCode.FLINK_UNAVAILABLE, 0, "Interrupted calling cluster " + name);
        } finally {
            // The global registry is the application's (Spring Boot adds its registries to it).
            Metrics.timer("streamis.flink.rest", "cluster", name, "method", req.method(), "outcome", outcome)
                    .record(System.nanoTime() - t0, TimeUnit.NANOSECONDS);
        }
        if (r.statusCode() >= 400) {
            throw new FlinkClusterException(r.statusCode() >= 500 && r.statusCode() != 500
                    ? ErrorCode.FLINK_UNAVAILABLE : ErrorCode.FLINK_REJECTED, r.statusCode(),
                    "Flink (" + name + ") refused " + req.method() + " " + req.uri().getPath() + ": "
                            + errorMessage(r.body()));
        }
        return r;
    }

    private String errorMessage(byte[] body) {
        try {
            JsonNode errors = json.readTree(body).path("errors");
            StringBuilder sb = new StringBuilder();
            for (JsonNode e : errors) {
                sb.append(firstMeaningfulLine(e.asText())).append(' ');
            }
            return sb.length() == 0 ? new String(body, StandardCharsets.UTF_8) : sb.toString().trim();
        } catch (IOException e) {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** The most telling line of a Flink stack trace: the deepest "Caused by", else the first line. */
    static String firstMeaningfulLine(String trace) {
        if (trace == null) {
            return "";
        }
        String best = trace.lines().findFirst().orElse(trace);
        for (String line : trace.split("\n")) {
            String l = line.trim();
            if (l.startsWith("Caused by:")) {
                best = l.substring("Caused by:".length()).trim();
            }
        }
        return best.length() > 1000 ? best.substring(0, 1000) : best;
    }

    private URI uri(String path) {
        String base = restUrl();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
    }
}
