package io.streamis.server.flink;

import static io.streamis.server.flink.FlinkTestSupport.await;
import static io.streamis.server.flink.FlinkTestSupport.normalise;
import static io.streamis.server.flink.FlinkTestSupport.produce;
import static io.streamis.server.flink.FlinkTestSupport.snapshots;
import static io.streamis.server.flink.FlinkTestSupport.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamis.launcher.state.StateLocations;
import io.streamis.server.support.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Real Flink driven through the platform's HTTP API: state is taken, carried and restored; failed jobs come back
 * from their newest checkpoint.
 */
class FlinkLifecycleTest extends AbstractFlinkApiTest {

    @org.springframework.beans.factory.annotation.Autowired
    io.streamis.jobmanager.monitor.StartupRecovery recovery;
    @Autowired StateLocations locations;
    @Autowired io.streamis.launcher.state.StateStorage storage;

    @Test
    void statefulSqlJobStopsWithSavepointAndRestartsFromIt() throws Exception {
        long jobId = upload(FlinkTestSupport.sqlZip("sql_sp", produce("500", false, null)));
        execute(jobId, null);
        JsonNode listed = api.call(get(ApiTestSupport.API + JOB + "/list").session(admin)
                .param("projectName", "default").param("jobName", "sql_sp")).at("/data/tasks");
        assertThat(listed.findValues("id").stream().map(JsonNode::asLong)).contains(jobId);
        listed.forEach(r -> {
            if (r.get("id").asLong() == jobId) {
                assertThat(r.get("status").asInt()).as("the list follows the start").isEqualTo(5);
            }
        });
        awaitCheckpoint(jobId);

        JsonNode stop = api.call(get(ApiTestSupport.API + JOB + "/stop").session(admin)
                .param("jobId", String.valueOf(jobId)).param("snapshot", "true"));
        String savepoint = stop.at("/data/path").asText();
        assertThat(savepoint).contains("savepoint-");
        assertThat(status(api, admin, jobId).get("statusCode").asInt()).isEqualTo(7);

        JsonNode inspect = api.call(put(ApiTestSupport.API + JOB + "/execute/inspect").session(admin)
                .param("jobId", String.valueOf(jobId)));
        assertThat(inspect.at("/data/inspections").toString()).contains("snapshot");
        assertThat(normalise(inspect.at("/data/snapshot/path").asText())).isEqualTo(normalise(savepoint));

        JsonNode second = execute(jobId, null);
        assertThat(normalise(second.get("restoredFrom").asText())).isEqualTo(normalise(savepoint));
        assertThat(normalise(restoredInFlink(second.get("flinkJobId").asText()))).isEqualTo(normalise(savepoint));
    }

    @Test
    void jarJobRunsCheckpointsAndRestoresFromItsSavepoint() throws Exception {
        long jobId = upload(FlinkTestSupport.jarZip("jar_sp", FlinkTestSupport.countJobJar(),
                produce("500", false, null)));
        execute(jobId, null);
        awaitCheckpoint(jobId);
        String savepoint = api.call(get(ApiTestSupport.API + JOB + "/stop").session(admin)
                .param("jobId", String.valueOf(jobId)).param("snapshot", "true")).at("/data/path").asText();
        JsonNode second = execute(jobId, null);
        assertThat(normalise(restoredInFlink(second.get("flinkJobId").asText()))).isEqualTo(normalise(savepoint));
    }

    /**
     * The seed's scenario: a run that dies before its first checkpoint must not lose the restore point. Isolated
     * from the directory scan: run 2 starts from a savepoint copied outside the job's state dirs (under an admin
     * restore root), and the job's own state dirs are deleted, so only the platform's record can hand the point on.
     */
    @Test
    void runDyingBeforeItsFirstCheckpointKeepsTheRestorePoint() throws Exception {
        long jobId = upload(FlinkTestSupport.sqlZip("sql_carry", produce("500", false, null)));
        execute(jobId, null);
        awaitCheckpoint(jobId);
        String savepoint = api.call(get(ApiTestSupport.API + JOB + "/stop").session(admin)
                .param("jobId", String.valueOf(jobId)).param("snapshot", "true")).at("/data/path").asText();
        java.nio.file.Path external = java.nio.file.Path.of(System.getProperty("java.io.tmpdir"),
                "streamis-test-restore-root", "sql_carry-" + System.nanoTime());
        org.apache.commons.io.FileUtils.copyDirectory(localDir(savepoint).toFile(), external.toFile());
        org.apache.commons.io.FileUtils.deleteDirectory(localDir(locations.checkpointDir("embedded", "default",
                "sql_carry").toString()).toFile());
        org.apache.commons.io.FileUtils.deleteDirectory(localDir(locations.savepointDir("embedded", "default",
                "sql_carry").toString()).toFile());

        // Run 2 restores the copy but checkpoints only every 10 minutes, and dies (cancelled outside Streamis). Its
        // fail-restart is ON: by default (monitor.cancelled-outside=stop) such a cancel is a stop, not a failure.
        api.postJson(admin, "/streamis/streamJobManager/config/json/" + jobId,
                "{" + produce("600000", true, null) + "}");
        JsonNode run2 = execute(jobId, external.toString());
        assertThat(normalise(run2.get("restoredFrom").asText())).isEqualTo(normalise(external.toString()));
        clusters.get("embedded").cancel(run2.get("flinkJobId").asText());
        await("run 2 seen as stopped", WAIT, () -> status(api, admin, jobId), s -> s.get("statusCode").asInt() == 7);
        assertThat(storage.scan(locations.checkpointDir("embedded", "default", "sql_carry"),
                locations.savepointDir("embedded", "default", "sql_carry"))).as("nothing for the scan to find").isEmpty();

        JsonNode run3 = execute(jobId, null);
        assertThat(normalise(run3.get("restoredFrom").asText())).isEqualTo(normalise(external.toString()));
        assertThat(normalise(restoredInFlink(run3.get("flinkJobId").asText())))
                .isEqualTo(normalise(external.toString()));
    }

    private static java.nio.file.Path localDir(String location) {
        return java.nio.file.Path.of(java.net.URI.create(location.replaceFirst("^file:/+", "file:///")
                .replaceFirst("^/", "file:///")));
    }

    @Test
    void failedJobWithFailRestartComesBackFromItsNewestCheckpoint() throws Exception {
        long jobId = upload(FlinkTestSupport.sqlZip("sql_restart",
                produce("500", true, "\"restart-strategy.type\":\"none\"")));
        JsonNode run1 = execute(jobId, null);
        awaitCheckpoint(jobId);

        // Kill the TaskManager under the job, then give the cluster a fresh one.
        embedded.killNewestTaskManager();
        embedded.addTaskManager();

        JsonNode back = await("auto-restart to RUNNING", WAIT, () -> status(api, admin, jobId),
                s -> s.get("taskId").asLong() != run1.get("taskId").asLong() && s.get("statusCode").asInt() == 5);
        long taskId = back.get("taskId").asLong();
        assertThat(jdbc.queryForObject("SELECT start_cause FROM linkis_stream_task WHERE id = ?", String.class,
                taskId)).isEqualTo("AUTO_RESTART");
        String restoredFrom = jdbc.queryForObject("SELECT restored_from FROM linkis_stream_task WHERE id = ?",
                String.class, taskId);
        assertThat(normalise(restoredFrom)).as("restored from the newest checkpoint of the failed run")
                .isEqualTo(normalise(newestRetainedCheckpoint("sql_restart", run1.get("flinkJobId").asText())));
        assertThat(normalise(restoredInFlink(flinkJobId(taskId)))).isEqualTo(normalise(restoredFrom));
        // Nobody asked for this start: the audit log says the platform made it, and which run it was.
        assertThat(jdbc.queryForList("SELECT detail FROM streamis_audit_log WHERE job_id = ? AND action = 'AUTO_START'"
                + " AND user_name = 'streamis' AND project_name = 'default'", String.class, jobId))
                .singleElement().asString().contains("\"startCause\":\"AUTO_RESTART\"")
                .contains("\"taskId\":" + taskId);
    }

    /** The highest {@code chk-N} with a non-empty {@code _metadata} that a run left in the job's checkpoint dir. */
    private String newestRetainedCheckpoint(String job, String flinkJobId) throws java.io.IOException {
        java.nio.file.Path runDir = java.nio.file.Path.of(locations.checkpointDir("embedded", "default", job))
                .resolve(flinkJobId);
        try (java.util.stream.Stream<java.nio.file.Path> dirs = java.nio.file.Files.list(runDir)) {
            return dirs.filter(d -> d.getFileName().toString().matches("chk-\\d+"))
                    .filter(d -> d.resolve("_metadata").toFile().length() > 0)
                    .max(java.util.Comparator.comparingLong(
                            d -> Long.parseLong(d.getFileName().toString().substring(4))))
                    .map(java.nio.file.Path::toString).orElseThrow();
        }
    }

    @Test
    void startRefusesToRunEmptyWhenRestorePointsExistButNoneIsUsable() throws Exception {
        long jobId = upload(FlinkTestSupport.sqlZip("sql_broken", produce("500", false, null)));
        // Where the job's savepoints live (so the path rule lets it through), but no savepoint is there.
        String missing = locations.savepointDir("embedded", "default", "sql_broken") + "/savepoint-x";
        JsonNode r = api.postJson(admin, JOB + "/execute",
                "{\"jobId\":" + jobId + ",\"snapshotPath\":\"" + missing + "\"}");
        assertThat(r.get("status").asInt()).isEqualTo(1);
        assertThat(r.get("message").asText()).contains("sql_broken/savepoints/savepoint-x");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM linkis_stream_task WHERE job_id = ?", Integer.class,
                jobId)).as("nothing was started").isZero();
    }

    /** The embedded cluster dies with the server: its running jobs come back from their newest state on restart. */
    @Test
    void embeddedJobsThatDiedWithTheServerAreStartedAgainFromTheirNewestState() throws Exception {
        long jobId = upload(FlinkTestSupport.sqlZip("sql_recover", produce("500", false, null)));
        JsonNode run1 = execute(jobId, null);
        awaitCheckpoint(jobId);
        api.call(get(ApiTestSupport.API + JOB + "/stop").session(admin).param("jobId", String.valueOf(jobId)));
        String newest = await("a retained checkpoint", WAIT, () -> snapshots(api, admin, jobId),
                s -> s.size() > 0 && s.get(0).path("usable").asBoolean()).get(0).get("path").asText();
        // What the database looks like after a crash: the run is RUNNING, but its Flink job is gone.
        jdbc.update("UPDATE linkis_stream_task SET status = 5, linkis_job_id = ? WHERE id = ?",
                "00000000000000000000000000000000", run1.get("taskId").asLong());

        recovery.run(null);

        // The recovery start is an intent like any other: the reconciler moves it to RUNNING.
        JsonNode now = await("the recovery start RUNNING", WAIT, () -> status(api, admin, jobId),
                n -> n.get("taskId").asLong() != run1.get("taskId").asLong() && n.get("statusCode").asInt() == 5);
        assertThat(now.get("taskId").asLong()).isNotEqualTo(run1.get("taskId").asLong());
        assertThat(now.get("statusCode").asInt()).isEqualTo(5);
        long taskId = now.get("taskId").asLong();
        assertThat(jdbc.queryForObject("SELECT start_cause FROM linkis_stream_task WHERE id = ?", String.class,
                taskId)).isEqualTo("RECOVERY");
        assertThat(normalise(restoredInFlink(flinkJobId(taskId)))).isEqualTo(normalise(newest));
    }

    @Test
    void detailsShowRealMetricsAndTheLogsTellTheLaunch() throws Exception {
        long jobId = upload(FlinkTestSupport.sqlZip("sql_details", produce("500", false, null)));
        execute(jobId, null);
        JsonNode d = await("records flowing", WAIT, () -> api.call(get(ApiTestSupport.API + JOB + "/details")
                        .session(admin).param("jobId", String.valueOf(jobId))).at("/data/details"),
                n -> n.at("/metrics/job/vertices").size() > 0
                        && n.at("/metrics/job/vertices/0/recordsOut").asLong() > 0
                        && n.at("/metrics/checkpoints/completedCount").asLong() > 0);
        assertThat(d.at("/realTimeTraffic/0/sourceKey").asText()).isNotBlank();
        assertThat(d.at("/dataNumber").size()).isEqualTo(d.at("/metrics/job/vertices").size());
        assertThat(d.at("/metrics/checkpoints/completedCount").asLong()).as("checkpoints of a 500 ms interval")
                .isPositive();
        assertThat(d.at("/metrics/checkpoints/latestCompleted/path").asText()).contains("chk-");

        JsonNode logs = api.call(get(ApiTestSupport.API + JOB + "/logs").session(admin)
                .param("jobId", String.valueOf(jobId))).at("/data/logs/logs");
        assertThat(logs.toString()).contains("Launched Flink job").contains("All tasks running");
        JsonNode only = api.call(get(ApiTestSupport.API + JOB + "/logs").session(admin)
                .param("jobId", String.valueOf(jobId)).param("onlyKeywords", "Restore")).at("/data/logs/logs");
        assertThat(only.size()).isEqualTo(1);
        assertThat(only.get(0).asText()).contains("Restore: none");
    }

    @Test
    void twoConcurrentStartsOfOneJobStartItOnce() throws Exception {
        long jobId = upload(FlinkTestSupport.sqlZip("sql_twice", produce("500", false, null)));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        java.util.List<java.util.concurrent.Future<JsonNode>> calls = new java.util.ArrayList<>();
        for (int i = 0; i < 2; i++) {
            calls.add(pool.submit(() -> api.postJson(admin, JOB + "/execute", "{\"jobId\":" + jobId + "}")));
        }
        java.util.List<Integer> statuses = new java.util.ArrayList<>();
        for (var f : calls) {
            statuses.add(f.get().get("status").asInt());
        }
        pool.shutdown();
        assertThat(statuses).containsExactlyInAnyOrder(0, 1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM linkis_stream_task WHERE job_id = ?", Integer.class,
                jobId)).isEqualTo(1);
    }

    /**
     * A session start whose job never gets all its tasks running (more parallelism than the cluster has slots) is
     * failed by the reconciler once the operation timeout passed since its launch, and its Flink job cancelled.
     */
    @Test
    void aStartThatNeverRunsAllItsTasksFailsAfterTheTimeoutAndIsCancelled() throws Exception {
        long jobId = upload(FlinkTestSupport.sqlZip("sql_no_slots", produce("60000", false, null)
                .replace("\"wds.linkis.flink.app.parallelism\":\"1\"", "\"wds.linkis.flink.app.parallelism\":\"40\"")));
        JsonNode accepted = executeAccepted(jobId, null);
        String flinkJobId = accepted.get("flinkJobId").asText();
        await("Flink waiting for slots", WAIT, () -> json.valueToTree(clusters.get("embedded").jobsOverview()
                .get(flinkJobId)), o -> o.path("tasksTotal").asInt() > 0 && o.path("state").asText().equals("RUNNING"));
        assertThat(latestRun(jobId, accepted.get("taskId").asLong()).get("status").asInt()).as("still starting")
                .isEqualTo(8);
        // As if the launch was a timeout (60 s here) ago.
        jdbc.update("UPDATE linkis_stream_task SET last_update_time = ? WHERE id = ?",
                java.sql.Timestamp.valueOf(java.time.LocalDateTime.now().minusSeconds(61)), accepted.get("taskId").asLong());
        JsonNode failed = awaitStartFailed(jobId, accepted, "not all tasks running within 60 s");
        assertThat(failed.get("errDesc").asText()).contains("state RUNNING, tasks running 0/")
                .contains("not enough free slots?");
        await("the Flink job cancelled", WAIT, () -> json.valueToTree(clusters.get("embedded").jobsOverview()
                .get(flinkJobId)), o -> o.path("state").asText().equals("CANCELED"));
    }

    /** A session start the cluster never lists (the job id it was given is unknown there) fails after the timeout. */
    @Test
    void aStartTheClusterNeverReportsFailsWithAClearMessage() throws Exception {
        long jobId = upload(FlinkTestSupport.sqlZip("sql_unreported", produce("60000", false, null)));
        JsonNode run = execute(jobId, null);
        // The state a start is in when Flink never lists its job: STARTING with an id the cluster does not know.
        jdbc.update("UPDATE linkis_stream_task SET status = 8, linkis_job_id = ?, last_update_time = ? WHERE id = ?",
                "0123456789abcdef0123456789abcdef", java.sql.Timestamp.valueOf(java.time.LocalDateTime.now()
                        .minusSeconds(61)), run.get("taskId").asLong());
        JsonNode failed = awaitStartFailed(jobId, run, "never reported");
        assertThat(failed.get("errDesc").asText()).contains("cluster embedded never reported Flink job"
                + " 0123456789abcdef0123456789abcdef within 60 s");
        // Recorded in English, shown in the reader's language: history's stop cause and errorMsg's error.
        String zh = "未能启动：集群 embedded 在 60 秒内没有报告 Flink 作业 0123456789abcdef0123456789abcdef";
        assertThat(stopCause(jobId, "zh-CN")).isEqualTo(zh);
        assertThat(errorMsg(jobId, "zh-CN").get("errDesc").asText()).isEqualTo(zh);
        assertThat(stopCause(jobId, "en")).isEqualTo(failed.get("errDesc").asText());
    }

    /** Flink's own restart strategy at work: the task shows "wait for restart" (2) until every task runs again. */
    @Test
    void jobRestartingInsideFlinkIsWaitForRestartUntilAllTasksRunAgain() throws Exception {
        long jobId = upload(FlinkTestSupport.sqlZip("sql_flink_restart", produce("500", false,
                "\"restart-strategy.type\":\"fixed-delay\",\"restart-strategy.fixed-delay.attempts\":\"100\","
                        + "\"restart-strategy.fixed-delay.delay\":\"200ms\"")));
        JsonNode run = execute(jobId, null);
        awaitCheckpoint(jobId);
        embedded.killNewestTaskManager();
        await("wait for restart", WAIT, () -> status(api, admin, jobId), s -> s.get("statusCode").asInt() == 2);
        embedded.addTaskManager();
        JsonNode back = await("running again", WAIT, () -> status(api, admin, jobId),
                s -> s.get("statusCode").asInt() == 5);
        assertThat(back.get("taskId").asLong()).as("the same run, restarted by Flink, not by Streamis")
                .isEqualTo(run.get("taskId").asLong());
    }

    /** peers.md (c) step 8: a restore point Flink refuses is marked and the start steps back, never to empty. */
    @Test
    void aCorruptNewestCheckpointIsRefusedAndTheStartStepsBackToTheNextOne() throws Exception {
        long jobId = upload(FlinkTestSupport.sqlZip("sql_corrupt", produce("300", false, null)));
        execute(jobId, null);
        await("two checkpoints", WAIT, () -> snapshots(api, admin, jobId),
                s -> s.findValues("kind").stream().filter(k -> k.asText().equals("CHECKPOINT")).count() >= 2);
        api.call(get(ApiTestSupport.API + JOB + "/stop").session(admin).param("jobId", String.valueOf(jobId)));
        JsonNode usable = await("two retained checkpoints", WAIT, () -> snapshots(api, admin, jobId), s -> {
            int n = 0;
            for (JsonNode x : s) {
                n += x.path("usable").asBoolean() ? 1 : 0;
            }
            return n >= 2;
        });
        java.util.List<String> paths = new java.util.ArrayList<>();
        usable.forEach(x -> { if (x.path("usable").asBoolean()) { paths.add(x.get("path").asText()); } });
        JsonNode inspect = api.call(put(ApiTestSupport.API + JOB + "/execute/inspect").session(admin)
                .param("jobId", String.valueOf(jobId))).get("data");
        String newest = inspect.at("/snapshot/path").asText();
        java.nio.file.Files.writeString(java.nio.file.Path.of(java.net.URI.create(
                newest.replaceFirst("^file:/+", "file:///"))).resolve("_metadata"), "this is not a checkpoint");

        JsonNode run = execute(jobId, null);
        String restored = run.get("restoredFrom").asText();
        assertThat(normalise(restored)).isNotEqualTo(normalise(newest));
        assertThat(paths.stream().map(FlinkTestSupport::normalise)).contains(normalise(restored));
        assertThat(normalise(restoredInFlink(run.get("flinkJobId").asText()))).isEqualTo(normalise(restored));
        assertThat(jdbc.queryForList("SELECT path FROM linkis_stream_restore_mark WHERE job_id = ? AND action ="
                + " 'REFUSED'", String.class, jobId).stream().map(FlinkTestSupport::normalise))
                .containsExactly(normalise(newest));
        JsonNode after = api.call(put(ApiTestSupport.API + JOB + "/execute/inspect").session(admin)
                .param("jobId", String.valueOf(jobId))).get("data");
        assertThat(after.toString()).doesNotContain(normalise(newest));
    }
}
