package io.streamis.server.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamis.server.flink.FlinkTestSupport;
import io.streamis.server.flink.StandaloneCluster;
import io.streamis.server.support.MariaDbSchema;
import io.streamis.server.support.Zips;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.commons.io.FileUtils;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two real server processes on one MariaDB schema and one real standalone Flink cluster (issue 13): one of them
 * acts, both serve the API. A job fails on cue ({@code CountJob --fail-once <file>}), so each case sees a real
 * Flink failure. One cluster and one pair of nodes for the whole class; the lease is 3 s. The nodes treat a job
 * cancelled in Flink as failed ({@code monitor.cancelled-outside=restart}, issue 13's first test); the default,
 * STOPPED, is {@code FlinkLifecycleTest}'s.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiNodeProcessTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration LEASE = Duration.ofSeconds(3);
    private static final String JOB = "/streamis/streamJobManager/job";

    static StandaloneCluster flink;
    static MariaDbSchema schema = new MariaDbSchema();
    static String dbUrl;
    static Path root;
    static ServerProcess a;
    static ServerProcess b;
    static final HttpClient RAW = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        flink = StandaloneCluster.start("1.20.0", 4);
        dbUrl = schema.create();
        root = Files.createTempDirectory("streamis-multinode");
        a = ServerProcess.start(root.resolve("node-a"), nodeArgs(false));
        b = ServerProcess.start(root.resolve("node-b"), nodeArgs(false));
    }

    /** What every node shares: the database, the cluster, the job files and the state directories. */
    static String[] nodeArgs(boolean embedded) {
        Path shared = root.resolve("shared");
        return new String[] {
            "--spring.datasource.url=" + dbUrl,
            "--spring.datasource.username=" + MariaDbSchema.USER,
            "--spring.datasource.password=" + MariaDbSchema.PASSWORD,
            "--streamis.launcher.embedded.enabled=" + embedded,
            "--streamis.launcher.default-cluster=standalone",
            "--streamis.launcher.clusters.standalone.type=standalone",
            "--streamis.launcher.clusters.standalone.rest-url=" + flink.restUrl,
            // An embedded cluster keeps its own files (it cleans its directories on start).
            "--streamis.launcher.data-dir=" + (embedded ? root.resolve("node-c-flink") : shared.resolve("flink")),
            "--streamis.jobmanager.material-root=" + shared.resolve("materials"),
            "--streamis.jobmanager.task-log-root=" + shared.resolve("task-logs"),
            "--streamis.jobmanager.lease.period=" + LEASE.toSeconds() + "s",
            "--streamis.jobmanager.restart.initial-backoff=4s",
            "--streamis.jobmanager.restart.max-backoff=4s",
            "--streamis.jobmanager.monitor.cancelled-outside=restart"};
    }

    @AfterAll
    static void stop() throws Exception {
        for (ServerProcess s : new ServerProcess[] {a, b}) {
            if (s != null) {
                s.process().destroy();
                s.close();
            }
        }
        if (flink != null) {
            flink.close();
        }
        schema.drop();
        if (root != null) {
            FileUtils.deleteQuietly(root.toFile());
        }
    }

    @Test
    @Order(1)
    void aUserLoggedInOnOneNodeIsLoggedInOnTheOther() throws Exception {
        HttpResponse<String> login = RAW.send(HttpRequest.newBuilder(a.uri("/user/login"))
                .header("Content-Type", "application/json").header("Origin", "http://127.0.0.1:" + a.port())
                .POST(HttpRequest.BodyPublishers.ofString("{\"userName\":\"admin\",\"password\":\"admin-password-1\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).as("the 0.3.x cookie").startsWith("STREAMIS_SESSION=").contains("HttpOnly")
                .contains("SameSite=Lax");
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));

        assertThat(rawGet(b, "/user/userInfo", cookie).at("/data/userName").asText()).isEqualTo("admin");
        assertThat(rawGet(b, "/user/userInfo", null).path("status").asInt()).as("no cookie").isEqualTo(-1);

        HttpResponse<String> logout = RAW.send(HttpRequest.newBuilder(b.uri("/user/logout")).header("Cookie", cookie)
                .header("Origin", "http://127.0.0.1:" + b.port()).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(logout.statusCode()).isEqualTo(200);
        assertThat(rawGet(a, "/user/userInfo", cookie).path("status").asInt()).as("logged out on B, so on A")
                .isEqualTo(-1);
    }

    @Test
    @Order(2)
    void theSameJobStartedThroughBothNodesAtOnceRunsOnce() throws Exception {
        long job = createJob(a, "mn_concurrent", false, null);
        int before = liveFlinkJobs().size();
        CompletableFuture<JsonNode> viaA = CompletableFuture.supplyAsync(() -> execute(a, job));
        CompletableFuture<JsonNode> viaB = CompletableFuture.supplyAsync(() -> execute(b, job));
        List<JsonNode> answers = List.of(viaA.get(), viaB.get());

        assertThat(answers).as(answers.toString()).filteredOn(r -> r.path("status").asInt() == 0).hasSize(1);
        JsonNode refused = answers.stream().filter(r -> r.path("status").asInt() != 0).findFirst().orElseThrow();
        assertThat(refused.path("message").asText()).as(refused.toString())
                .containsAnyOf("is already starting", "is still running");
        assertThat(tasks(job)).hasSize(1);
        assertThat(liveFlinkJobs()).as("one Flink job").hasSize(before + 1);
        // The start answered with its intent; the leader's reconciler moves it to RUNNING (a stop needs that).
        awaitRuns(job, 1, Duration.ofSeconds(60));

        // A stop through the node that does not lead: it persists the operation and asks Flink; the leader's
        // reconciler settles it, and the answer (with the savepoint) reaches the client through the other node.
        ServerProcess notLeading = leader() == a ? b : a;
        JsonNode stopped = notLeading.get(JOB + "/stop?jobId=" + job + "&snapshot=true");
        assertThat(stopped.path("status").asInt()).as(stopped.toString()).isZero();
        assertThat(stopped.at("/data/path").asText()).contains("savepoint-");
        assertThat(tasks(job).get(0).status()).isEqualTo(7);
        assertThat(liveFlinkJobs()).hasSize(before);
    }

    @Test
    @Order(3)
    void aFailedOrCancelledJobIsRestartedExactlyOnceWhicheverNodeLeads() throws Exception {
        Path failFile = root.resolve("fail-once-mn_fail");
        long job = createJob(b, "mn_fail", true, failFile);
        assertThat(execute(b, job).path("status").asInt()).isZero();
        awaitCheckpointRecorded(job);
        ServerProcess leader = leader();

        Files.createFile(failFile);
        List<Task> runs = awaitRuns(job, 2, Duration.ofSeconds(60));
        Task restart = runs.get(1);
        assertThat(restart.startCause()).isEqualTo("AUTO_RESTART");
        assertThat(restart.serverInstance()).as("restarted by the leader").isEqualTo(instance(leader));
        assertThat(restart.restoredFrom()).contains("chk-");
        assertThat(runs.get(0).status()).isEqualTo(6);
        assertNoFurtherRuns(job, 2);

        // Cancelled behind the platform's back: the nodes run with cancelled-outside=restart, so for a job whose
        // fail-restart is ON that is a failure like the one above: exactly one restart, by whichever node leads.
        cancelInFlink(restart.flinkJobId());
        List<Task> after = awaitRuns(job, 3, Duration.ofSeconds(60));
        assertThat(after.get(1).status()).as("the cancelled run").isEqualTo(6);
        assertThat(after.get(2).startCause()).isEqualTo("AUTO_RESTART");
        assertThat(after.get(2).serverInstance()).isEqualTo(instance(leader()));
        assertThat(after.get(2).restoredFrom()).contains("chk-");
        assertNoFurtherRuns(job, 3);

        // Fail-restart OFF: the same cancel leaves the run STOPPED, and neither node starts it again.
        long off = createJob(b, "mn_cancel_off", false, null);
        assertThat(execute(b, off).path("status").asInt()).isZero();
        cancelInFlink(awaitRuns(off, 1, Duration.ofSeconds(60)).get(0).flinkJobId());
        awaitRuns(off, 1, Duration.ofSeconds(30), rs -> rs.get(0).status() == 7);
        assertNoFurtherRuns(off, 1);
    }

    @Test
    @Order(4)
    void aNodeWithItsEmbeddedClusterRefusesToJoin() throws Exception {
        try (ServerProcess third = ServerProcess.launch(root.resolve("node-c"), nodeArgs(true))) {
            assertThat(third.process().waitFor(120, java.util.concurrent.TimeUnit.SECONDS))
                    .as("the third node exits").isTrue();
            assertThat(third.process().exitValue()).isNotZero();
            assertThat(third.log()).contains("Refusing to start node")
                    .contains("streamis.launcher.embedded.enabled");
        }
    }

    @Test
    @Order(5)
    void aLeaderFrozenPastItsLeaseDoesNotActWhenItResumes() throws Exception {
        ServerProcess leader = leader();
        ServerProcess follower = leader == a ? b : a;
        Path failFile = root.resolve("fail-once-mn_frozen");
        long job = createJob(follower, "mn_frozen", true, failFile);
        assertThat(execute(follower, job).path("status").asInt()).isZero();
        awaitCheckpointRecorded(job);
        long firstRun = tasks(job).get(0).id();

        Files.createFile(failFile);
        // The leader saw the failure and scheduled the restart (4 s back-off); freeze it before it runs.
        Awaitility.await("the leader schedules the restart").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100)).until(() -> restartDue(firstRun));
        leader.signal("STOP");
        try {
            Awaitility.await("the other node takes over").atMost(LEASE.multipliedBy(3))
                    .pollInterval(Duration.ofMillis(200)).until(() -> follower.leadership().path("leading").asBoolean());
            List<Task> runs = awaitRuns(job, 2, Duration.ofSeconds(60));
            assertThat(runs.get(1).serverInstance()).as("restarted by the new leader").isEqualTo(instance(follower));
        } finally {
            leader.signal("CONT");
        }
        // The frozen node's own timer for that restart fires as soon as it runs again: refused, nothing started.
        Awaitility.await("the resumed node notices").atMost(LEASE.multipliedBy(3)).pollInterval(Duration.ofMillis(200))
                .until(() -> leader.log().contains("not run: this node no longer leads"));
        assertNoFurtherRuns(job, 2);
        assertThat(leader.leadership().path("leading").asBoolean()).isFalse();
        assertThat(leader.log()).contains("lost the lease");
        assertThat(tasks(job).get(1).status()).isEqualTo(5);
    }

    @Test
    @Order(6)
    void whenTheLeaderIsKilledTheOtherNodeRestartsTheFailingJobOnceFromItsNewestCheckpoint() throws Exception {
        ServerProcess leader = leader();
        ServerProcess survivor = leader == a ? b : a;
        Path failFile = root.resolve("fail-once-mn_killed");
        long job = createJob(survivor, "mn_killed", true, failFile);
        assertThat(execute(survivor, job).path("status").asInt()).isZero();
        awaitCheckpointRecorded(job);
        Task failing = tasks(job).get(0);

        Files.createFile(failFile);
        leader.kill();
        long killed = System.nanoTime();
        Awaitility.await("the survivor takes over").atMost(LEASE.multipliedBy(3))
                .pollInterval(Duration.ofMillis(100)).until(() -> survivor.leadership().path("leading").asBoolean());
        Duration takeover = Duration.ofNanos(System.nanoTime() - killed);
        assertThat(takeover).as("within the lease period plus one renewal").isLessThan(LEASE.plus(LEASE));

        List<Task> runs = awaitRuns(job, 2, Duration.ofSeconds(60));
        Task restart = runs.get(1);
        assertThat(restart.serverInstance()).isEqualTo(instance(survivor));
        assertThat(restart.restoredFrom()).as("from the failed run's newest checkpoint")
                .isEqualTo(newestCheckpoint(restart.restoredFrom(), failing.flinkJobId()));
        assertNoFurtherRuns(job, 2);
    }

    /**
     * The node that launches a start is killed while Flink runs the program's main (inside the run request, held
     * open on cue by {@code CountJob --main-waits}): the Flink job id was recorded with the intent, so the node
     * that takes over follows the run by that id, does not settle it as never launched, and the job runs once,
     * tracked, when Flink completes the submission after the requester died.
     */
    @Test
    @Order(7)
    void aNodeKilledWhileFlinkAcceptsItsStartLeavesTheRunFollowedByItsId() throws Exception {
        replaceDeadNode();
        ServerProcess leader = leader();
        ServerProcess survivor = leader == a ? b : a;
        Path mainWaits = root.resolve("main-waits-mn_launch_killed");
        Files.writeString(mainWaits, "hold main\n");
        long job = createJob(survivor, "mn_launch_killed", "\"--rate\",\"40\",\"--main-waits\",\"" + mainWaits
                + "\"", false);
        List<String> before = liveFlinkJobs();
        CompletableFuture.runAsync(() -> execute(leader, job)); // its answer dies with the leader
        Path entered = mainWaits.resolveSibling(mainWaits.getFileName() + ".entered");
        Awaitility.await("Flink runs the program's main").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100)).until(() -> Files.exists(entered));
        Task intent = tasks(job).get(0);
        assertThat(intent.status()).as("the start is in its launch request").isEqualTo(8);
        assertThat(intent.flinkJobId()).as("the run's Flink job id is part of the intent").hasSize(32);

        leader.kill();
        Awaitility.await("the survivor takes over and settles what the dead node left").atMost(LEASE.multipliedBy(4))
                .pollInterval(Duration.ofMillis(100)).until(() -> survivor.log().contains("Task " + intent.id()
                        + " (job " + job + ") is still starting") || tasks(job).get(0).status() != 8);
        assertThat(tasks(job).get(0).status()).as("not settled as a start that never reached Flink").isEqualTo(8);

        Files.delete(mainWaits); // Flink completes the submission the dead node asked for
        List<Task> runs = awaitRuns(job, 1, Duration.ofSeconds(60));
        assertThat(runs.get(0).flinkJobId()).isEqualTo(intent.flinkJobId());
        List<String> started = new ArrayList<>(liveFlinkJobs());
        started.removeAll(before);
        assertThat(started).as("one Flink job, the run's").containsExactly(intent.flinkJobId());
        assertNoFurtherRuns(job, 1);
    }

    // --- helpers -------------------------------------------------------------------------------------------

    /** A node killed by an earlier case comes back on its own data directory, so every case has two nodes. */
    static void replaceDeadNode() throws Exception {
        if (!a.process().isAlive()) {
            a.close();
            a = ServerProcess.start(root.resolve("node-a"), nodeArgs(false));
        }
        if (!b.process().isAlive()) {
            b.close();
            b = ServerProcess.start(root.resolve("node-b"), nodeArgs(false));
        }
    }

    record Task(long id, int status, String serverInstance, String startCause, String restoredFrom,
                String flinkJobId, String jobInfo) {
    }

    static long createJob(ServerProcess via, String name, boolean failRestart, Path failFile) throws Exception {
        return createJob(via, name, failFile == null ? "\"--rate\",\"40\""
                : "\"--rate\",\"40\",\"--fail-once\",\"" + failFile + "\"", failRestart);
    }

    /** @param args the program's arguments as JSON array items */
    static long createJob(ServerProcess via, String name, String args, boolean failRestart) throws Exception {
        byte[] zip = Zips.zip().add("meta.json", """
                {"projectName":"default","jobName":"%s","jobType":"flink.jar",
                 "jobContent":{"main.class.jar":"count-job.jar","main.class":"io.streamis.server.testjob.CountJob",
                   "args":[%s]},"jobConfig":{%s}}""".formatted(name, args, FlinkTestSupport.produce("1000",
                failRestart, "\"restart-strategy.type\":\"none\""))).add("count-job.jar", FlinkTestSupport.countJobJar())
                .bytes();
        JsonNode r = via.upload("default", name + ".zip", zip);
        assertThat(r.path("status").asInt()).as(r.toString()).isZero();
        return r.at("/data/jobId").asLong();
    }

    static JsonNode execute(ServerProcess via, long job) {
        try {
            return via.post(JOB + "/execute", "{\"jobId\":" + job + "}");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode rawGet(ServerProcess node, String path, String cookie) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(node.uri(path)).GET();
        if (cookie != null) {
            r.header("Cookie", cookie);
        }
        return JSON.readTree(RAW.send(r.build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    static ServerProcess leader() {
        return Awaitility.await("one node leads").atMost(LEASE.multipliedBy(3)).pollInterval(Duration.ofMillis(200))
                .until(() -> Stream.of(a, b).filter(n -> n.process().isAlive() && leading(n)).toList(),
                        l -> l.size() == 1).get(0);
    }

    static boolean leading(ServerProcess n) {
        try {
            return n.leadership().path("leading").asBoolean();
        } catch (Exception e) {
            return false;
        }
    }

    static String instance(ServerProcess n) throws Exception {
        String node = n.leadership().path("node").asText();
        return node.substring(0, node.indexOf('/'));
    }

    static List<Task> tasks(long jobId) throws Exception {
        try (Connection c = DriverManager.getConnection(dbUrl, MariaDbSchema.USER, MariaDbSchema.PASSWORD);
             PreparedStatement s = c.prepareStatement("SELECT id, status, server_instance, start_cause,"
                     + " restored_from, linkis_job_id, linkis_job_info FROM linkis_stream_task WHERE job_id = ?"
                     + " ORDER BY id")) {
            s.setLong(1, jobId);
            List<Task> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new Task(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7)));
                }
            }
            return out;
        }
    }

    static boolean restartDue(long taskId) throws Exception {
        try (Connection c = DriverManager.getConnection(dbUrl, MariaDbSchema.USER, MariaDbSchema.PASSWORD);
             PreparedStatement s = c.prepareStatement("SELECT restart_due_at FROM linkis_stream_task WHERE id = ?")) {
            s.setLong(1, taskId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getTimestamp(1) != null;
            }
        }
    }

    static void awaitCheckpointRecorded(long job) {
        Awaitility.await("a checkpoint recorded for the run").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250)).until(() -> checkpointsRecorded(job) > 0);
    }

    static long checkpointsRecorded(long jobId) throws Exception {
        try (Connection c = DriverManager.getConnection(dbUrl, MariaDbSchema.USER, MariaDbSchema.PASSWORD);
             PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM linkis_stream_restore_point"
                     + " WHERE job_id = ? AND kind = 'CHECKPOINT'")) {
            s.setLong(1, jobId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static List<Task> awaitRuns(long job, int count, Duration timeout) {
        return awaitRuns(job, count, timeout, rs -> rs.get(count - 1).status() == 5);
    }

    static List<Task> awaitRuns(long job, int count, Duration timeout, Predicate<List<Task>> done) {
        return Awaitility.await(count + " runs of job " + job).atMost(timeout).pollInterval(Duration.ofMillis(250))
                .until(() -> tasks(job), rs -> rs.size() >= count && done.test(rs));
    }

    /** Nobody acts twice: for two lease periods (a takeover and a renewal each) the job has exactly these runs. */
    static void assertNoFurtherRuns(long job, int count) {
        Awaitility.await("job " + job + " keeps " + count + " runs").during(LEASE.multipliedBy(2))
                .atMost(LEASE.multipliedBy(3)).pollInterval(Duration.ofMillis(250))
                .until(() -> tasks(job).size() == count);
    }

    static List<String> liveFlinkJobs() throws Exception {
        JsonNode overview = JSON.readTree(RAW.send(HttpRequest.newBuilder(URI.create(flink.restUrl + "/jobs/overview"))
                .GET().build(), HttpResponse.BodyHandlers.ofString()).body());
        List<String> live = new ArrayList<>();
        overview.path("jobs").forEach(j -> {
            String state = j.path("state").asText();
            if (!List.of("FINISHED", "CANCELED", "FAILED").contains(state)) {
                live.add(j.path("jid").asText());
            }
        });
        return live;
    }

    static void cancelInFlink(String flinkJobId) throws Exception {
        HttpResponse<String> r = RAW.send(HttpRequest.newBuilder(URI.create(flink.restUrl + "/jobs/" + flinkJobId
                + "?mode=cancel")).method("PATCH", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    }

    /** The highest {@code chk-N} with {@code _metadata} of the run, in the directory a restore point names. */
    static String newestCheckpoint(String restoredFrom, String flinkJobId) throws Exception {
        assertThat(restoredFrom).contains(flinkJobId).contains("chk-");
        Path dir = Path.of(URI.create(restoredFrom.startsWith("file:") ? restoredFrom : "file://" + restoredFrom))
                .getParent();
        try (Stream<Path> chks = Files.list(dir)) {
            Path newest = chks.filter(p -> p.getFileName().toString().startsWith("chk-"))
                    .filter(p -> Files.exists(p.resolve("_metadata")))
                    .max((x, y) -> Integer.compare(n(x), n(y))).orElseThrow();
            String prefix = restoredFrom.substring(0, restoredFrom.lastIndexOf("chk-"));
            return prefix + newest.getFileName();
        }
    }

    private static int n(Path chk) {
        return Integer.parseInt(chk.getFileName().toString().substring(4));
    }
}
