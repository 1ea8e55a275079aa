package io.streamis.server.flink;

import static io.streamis.server.flink.FlinkTestSupport.produce;
import static io.streamis.server.flink.FlinkTestSupport.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamis.jobmanager.lifecycle.HighAvailabilityCheck;
import io.streamis.jobmanager.lifecycle.ServerInstance;
import io.streamis.jobmanager.lifecycle.SnapshotInspection;
import io.streamis.server.support.ApiTestSupport;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The start inspection as a 0.3.x client reads it (behaviour §5.1): {@code highavailable.msg}, {@code version.now}
 * / {@code version.last} and {@code snapshot.path} are always there and listed in {@code inspections}; a restore
 * switched OFF while restore points exist is reported with the newest point offered.
 */
class CompatInspectionTest extends AbstractFlinkApiTest {

    @Autowired ServerInstance server;

    private static final String RESTORE_OFF = """
            "wds.linkis.flink.resource":{"wds.linkis.flink.app.parallelism":"1"},
            "wds.linkis.flink.produce":{"wds.linkis.flink.checkpoint.switch":"ON",
              "wds.linkis.flink.checkpoint.interval":"500",
              "wds.linkis.flink.app.start-auto-restore.switch":"OFF"}""";

    JsonNode inspect(long jobId) throws Exception {
        JsonNode r = api.call(put(ApiTestSupport.API + JOB + "/execute/inspect").session(admin)
                .param("jobId", String.valueOf(jobId)));
        assertThat(r.get("status").asInt()).as(r.toString()).isZero();
        return r.get("data");
    }

    static List<String> names(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void neverStartedJobHasEveryEntryAClientReads() throws Exception {
        long jobId = upload(FlinkTestSupport.sqlZip("compat_new", produce("500", false, null)));
        JsonNode d = inspect(jobId);

        assertThat(names(d.get("inspections"))).containsExactly("version", "snapshot", "highavailable");
        assertThat(d.at("/highavailable/highAvailable").isBoolean()).isTrue();
        assertThat(d.at("/highavailable/highAvailable").asBoolean()).isTrue();
        // 0.3.x's text first, then the platform as it is: this node alone, the job on its embedded cluster.
        assertThat(d.at("/highavailable/msg").asText())
                .startsWith(HighAvailabilityCheck.MSG_NOT_ENABLED + HighAvailabilityCheck.SEPARATOR)
                .contains("Platform: a single Streamis node (" + server.id() + "); its jobs are watched"
                        + " (monitor, auto-restart) only while it runs.")
                .endsWith("The job runs on the embedded Flink cluster, which dies with its node: when this node"
                        + " stops, the job stops.");
        assertThat(d.at("/cluster/name").asText()).isEqualTo("embedded");
        assertThat(d.at("/cluster/type").asText()).isEqualTo("embedded");
        assertThat(d.at("/version/now/version").asText()).isEqualTo("v00001");
        assertThat(d.at("/version/now/jobId").asLong()).isEqualTo(jobId);
        assertThat(d.at("/version/now/jobContent").asText()).contains("INSERT INTO snk");
        assertThat(d.at("/version").has("last")).isFalse();
        // Restore is ON and nothing was ever checkpointed: the §5.1 message, never a fake path.
        assertThat(d.at("/snapshot/path").asText()).isEqualTo(SnapshotInspection.MSG_EMPTY_SNAPSHOT);
        assertThat(d.at("/snapshot/found").asBoolean()).isFalse();
        // Our UI still confirms a first start (new version), but not the empty snapshot.
        assertThat(names(d.get("needsConfirm"))).containsExactly("version");
    }

    @Test
    void restartedJobKeepsVersionNowAndLastAndRestoreOffOffersTheNewestPoint() throws Exception {
        long jobId = upload(FlinkTestSupport.sqlZip("compat_off", RESTORE_OFF));
        JsonNode first = inspect(jobId);
        assertThat(first.at("/snapshot/path").asText()).isEqualTo(SnapshotInspection.MSG_RESTORE_OFF);
        assertThat(first.at("/snapshot").has("offer")).isFalse();

        execute(jobId, null);
        awaitCheckpoint(jobId);
        JsonNode stop = api.call(get(ApiTestSupport.API + JOB + "/stop").session(admin)
                .param("jobId", String.valueOf(jobId)).param("snapshot", "true"));
        String savepoint = stop.at("/data/path").asText();
        assertThat(savepoint).contains("savepoint-");
        assertThat(status(api, admin, jobId).get("statusCode").asInt()).isEqualTo(7);

        JsonNode d = inspect(jobId);
        assertThat(names(d.get("inspections"))).containsExactly("version", "snapshot", "highavailable");
        // Same version as the last run: both rows are still there (0.3.x shows them in its table) ...
        assertThat(d.at("/version/now/version").asText()).isEqualTo("v00001");
        assertThat(d.at("/version/last/version").asText()).isEqualTo("v00001");
        // ... and our UI's rule does not ask about the version again.
        assertThat(names(d.get("needsConfirm"))).doesNotContain("version");
        assertThat(d.at("/snapshot/path").asText()).isEqualTo(SnapshotInspection.MSG_RESTORE_OFF);
        assertThat(d.at("/snapshot/restoreSwitch").asText()).isEqualTo("OFF");
        assertThat(FlinkTestSupport.normalise(d.at("/snapshot/offer/path").asText()))
                .isEqualTo(FlinkTestSupport.normalise(savepoint));
        assertThat(names(d.get("needsConfirm"))).contains("snapshot");

        assertThat(d.at("/highavailable/msg").asText()).startsWith(HighAvailabilityCheck.MSG_NOT_ENABLED);

        // The one-click answer: start from the offered point.
        JsonNode run = execute(jobId, d.at("/snapshot/offer/path").asText());
        assertThat(FlinkTestSupport.normalise(run.get("restoredFrom").asText()))
                .isEqualTo(FlinkTestSupport.normalise(savepoint));
    }

    /**
     * With another live node on the database the entry counts both and names the leader (this node, which holds
     * the lease), in the reader's language; the check still passes, as 0.3.x's rule says.
     */
    @Test
    void highAvailableSaysHowManyNodesShareTheDatabaseAndWhichLeads() throws Exception {
        long jobId = upload(FlinkTestSupport.sqlZip("compat_nodes", produce("500", false, null)));
        String other = "other-host.example:9400";
        jdbc.update("INSERT INTO streamis_node (node_id, instance, embedded, started_at, heartbeat_at)"
                + " VALUES (?, ?, FALSE, CURRENT_TIMESTAMP(3), CURRENT_TIMESTAMP(3))", other + "/1-test", other);
        try {
            JsonNode d = inspect(jobId);
            assertThat(d.at("/highavailable/highAvailable").asBoolean()).isTrue();
            assertThat(d.at("/highavailable/msg").asText())
                    .startsWith(HighAvailabilityCheck.MSG_NOT_ENABLED + HighAvailabilityCheck.SEPARATOR)
                    .contains("Platform: 2 live Streamis nodes share this database; " + server.id() + " leads"
                            + " (monitor, auto-restart, recovery)")
                    .contains("this answer comes from " + server.id())
                    .doesNotContain("single")
                    .contains("embedded Flink cluster, which dies with its node");

            JsonNode zh = api.call(put(ApiTestSupport.API + JOB + "/execute/inspect").session(admin)
                    .param("jobId", String.valueOf(jobId)).header("Accept-Language", "zh-CN")).get("data");
            assertThat(zh.at("/highavailable/msg").asText())
                    .startsWith(HighAvailabilityCheck.MSG_NOT_ENABLED + HighAvailabilityCheck.SEPARATOR)
                    .contains("平台：2 个存活的 Streamis 节点共用此数据库；主节点 " + server.id())
                    .contains("作业运行在内嵌 Flink 集群上，该集群随其节点一同停止");
        } finally {
            jdbc.update("DELETE FROM streamis_node WHERE node_id = ?", other + "/1-test");
        }
    }
}
