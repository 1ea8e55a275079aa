package io.streamis.server.flink;

import static io.streamis.server.support.Zips.zip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamis.jobmanager.material.MaterialStore;
import io.streamis.server.support.ApiTestSupport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;

/**
 * Real starts of a jar job whose main jar is a project file: the job version runs the jar version it was
 * published with, whatever was uploaded since, and refuses to start on bytes that changed under it.
 */
class PinnedProjectFileStartTest extends AbstractFlinkApiTest {

    static final String FILES = ApiTestSupport.API + "/streamis/streamProjectManager/project/files";
    static final byte[] NOT_A_JAR = "not a jar: a later upload of the same name".getBytes(StandardCharsets.UTF_8);

    @Autowired MaterialStore store;

    @Test
    void jobVersionStartsThePinnedJarAfterANewerVersionWasUploaded() throws Exception {
        String jar = "pinned-count-" + System.nanoTime() + ".jar";
        uploadFile(jar, "1.0.0", FlinkTestSupport.countJobJar());
        long jobId = upload(jarMeta("pinned_start_" + System.nanoTime(), jar));
        // Resolved by name to the newest version, this would ship a file that is no jar at all.
        uploadFile(jar, "2.0.0", NOT_A_JAR);

        JsonNode run = execute(jobId, null);
        String flinkJobId = run.get("flinkJobId").asText();
        assertThat(clusters.get("embedded").jobsOverview()).as("the job runs on the cluster")
                .containsKey(flinkJobId);
    }

    @Test
    void startRefusesPinnedJarWhoseStoredBytesChanged() throws Exception {
        String jar = "tampered-count-" + System.nanoTime() + ".jar";
        uploadFile(jar, "1.0.0", FlinkTestSupport.countJobJar());
        long jobId = upload(jarMeta("tampered_start_" + System.nanoTime(), jar));
        String storePath = jdbc.queryForObject("SELECT store_path FROM linkis_stream_project_files"
                + " WHERE project_name = 'default' AND file_name = ? AND version = '1.0.0'", String.class, jar);
        Files.write(store.resolve(storePath), NOT_A_JAR);

        JsonNode r = api.postJson(admin, JOB + "/execute", "{\"jobId\":" + jobId + "}");
        assertThat(r.get("status").asInt()).as(r.toString()).isNotZero();
        assertThat(r.get("message").asText()).contains(jar).contains("1.0.0").contains("v00001");
    }

    private static byte[] jarMeta(String job, String jar) {
        return zip().add("meta.json", """
                {"projectName":"default","jobName":"%s","jobType":"flink.jar",
                 "jobContent":{"main.class.jar":"%s","main.class":"io.streamis.server.testjob.CountJob",
                   "args":["--rate","40"]},"jobConfig":{%s}}"""
                .formatted(job, jar, FlinkTestSupport.produce("60000", false, null))).bytes();
    }

    private void uploadFile(String name, String version, byte[] bytes) throws Exception {
        JsonNode r = api.call(multipart(FILES + "/upload")
                .file(new MockMultipartFile("file", name, "application/java-archive", bytes))
                .param("projectName", "default").param("version", version).session(admin));
        assertThat(r.get("status").asInt()).as(r.toString()).isZero();
    }
}
