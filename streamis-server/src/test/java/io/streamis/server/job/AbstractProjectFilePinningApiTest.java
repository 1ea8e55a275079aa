package io.streamis.server.job;

import static io.streamis.server.support.Zips.zip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamis.common.error.ErrorCode;
import io.streamis.common.error.StreamisException;
import io.streamis.jobmanager.material.MaterialStore;
import io.streamis.jobmanager.version.ArtifactResolver;
import io.streamis.jobmanager.version.JobVersion;
import io.streamis.jobmanager.version.VersionService;
import io.streamis.server.support.ApiTestSupport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A job version pins the project files it names when it is published: re-uploading a file does not change what
 * the version launches, changed bytes fail the launch by name, pinned versions cannot be deleted, and a deleting
 * transaction that fails leaves the bytes. Runs once per database (subclasses).
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@org.springframework.context.annotation.Import(AbstractJobImportApiTest.Config.class)
abstract class AbstractProjectFilePinningApiTest {

    static final String FILES = ApiTestSupport.API + "/streamis/streamProjectManager/project/files";
    static final byte[] V1 = "bytes of version one".getBytes(StandardCharsets.UTF_8);
    static final byte[] V2 = "bytes of version two, different".getBytes(StandardCharsets.UTF_8);

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;
    @Autowired ArtifactResolver resolver;
    @Autowired VersionService versions;
    @Autowired MaterialStore store;

    ApiTestSupport api;
    MockHttpSession admin;

    /** A project file version as stored: its row id and where its bytes are. */
    record Stored(long id, Path path) {
    }

    @BeforeEach
    void setUp() throws Exception {
        api = new ApiTestSupport(mvc, json);
        admin = api.login("admin", "admin-password-1");
    }

    @Test
    void publishedVersionKeepsResolvingThePinnedFileVersionAfterANewUpload() throws Exception {
        String lib = "lib" + System.nanoTime() + ".jar";
        uploadFile(lib, "1.0.0", V1, false);
        long jobId = importJarJob("pin", lib);
        uploadFile(lib, "2.0.0", V2, false);

        ArtifactResolver.Artifact a = resolver.require("default", v1(jobId), lib);
        assertThat(a.version()).isEqualTo("1.0.0");
        assertThat(a.pinned()).isTrue();
        assertThat(Files.readAllBytes(a.path())).isEqualTo(V1);
        assertThat(a.md5()).isEqualTo(md5(V1));
        // The version view shows the pinned file too, not the newest.
        JsonNode content = api.call(get(ApiTestSupport.API + "/streamis/streamJobManager/job/jobContent")
                .session(admin).param("jobId", String.valueOf(jobId)));
        assertThat(content.at("/data/jobContent/mainClassJar/version").asText()).as(content.toString())
                .isEqualTo("1.0.0");
        // A version published now pins the newest file version.
        long second = importJarJob("pin2", lib);
        assertThat(Files.readAllBytes(resolver.require("default", v1(second), lib).path())).isEqualTo(V2);
    }

    @Test
    void changedOrMissingPinnedBytesFailTheLaunchNamingFileAndVersion() throws Exception {
        String lib = "tamper" + System.nanoTime() + ".jar";
        Stored v1 = uploadFile(lib, "1.0.0", V1, false);
        long jobId = importJarJob("tamper", lib);
        Files.write(v1.path(), "tampered".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> resolver.require("default", v1(jobId), lib))
                .isInstanceOfSatisfying(StreamisException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.PINNED_FILE_UNAVAILABLE))
                .hasMessageContaining(lib).hasMessageContaining("1.0.0").hasMessageContaining("md5 " + md5(V1));

        // A pinned row that is gone is never replaced by another version of the file.
        uploadFile(lib, "2.0.0", V2, false);
        jdbc.update("DELETE FROM linkis_stream_project_files WHERE id = ?", v1.id());
        assertThatThrownBy(() -> resolver.require("default", v1(jobId), lib))
                .isInstanceOfSatisfying(StreamisException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.PINNED_FILE_UNAVAILABLE))
                .hasMessageContaining(lib).hasMessageContaining("1.0.0").hasMessageContaining("no longer exists");
    }

    @Test
    void versionPublishedBeforePinningStillResolvesTheNewestFile() throws Exception {
        String lib = "legacy" + System.nanoTime() + ".jar";
        uploadFile(lib, "1.0.0", V1, false);
        long jobId = importJarJob("legacy", lib);
        // As a version published before the migration: no pin rows.
        jdbc.update("DELETE FROM linkis_stream_job_version_pins WHERE job_id = ?", jobId);
        uploadFile(lib, "2.0.0", V2, false);
        ArtifactResolver.Artifact a = resolver.require("default", v1(jobId), lib);
        assertThat(a.version()).isEqualTo("2.0.0");
        assertThat(a.pinned()).isFalse();
    }

    @Test
    void pinnedFileVersionCannotBeDeletedOrReplaced() throws Exception {
        String lib = "held" + System.nanoTime() + ".jar";
        Stored v1 = uploadFile(lib, "1.0.0", V1, false);
        String job = "held_" + System.nanoTime();
        importJarJobNamed(job, lib);
        Stored v2 = uploadFile(lib, "2.0.0", V2, false);

        JsonNode byId = api.call(get(FILES + "/version/delete").session(admin).param("ids", String.valueOf(v1.id())));
        assertThat(byId.get("status").asInt()).as(byId.toString()).isNotZero();
        assertThat(byId.get("message").asText()).contains(lib).contains("1.0.0").contains(job).contains("v00001");
        JsonNode byIdZh = api.call(get(FILES + "/version/delete").session(admin).param("ids", String.valueOf(v1.id()))
                .header("Accept-Language", "zh-CN"));
        assertThat(byIdZh.get("message").asText()).startsWith("文件 " + lib + " 的版本 1.0.0 不能删除：它被 ")
                .contains(job + " v00001").endsWith("已发布的作业版本总是使用发布时的文件内容启动");
        JsonNode byName = api.call(get(FILES + "/delete").session(admin).param("projectName", "default")
                .param("fileName", lib));
        assertThat(byName.get("status").asInt()).as(byName.toString()).isNotZero();
        assertThat(byName.get("message").asText()).contains(job);
        JsonNode replace = uploadFileRaw(lib, "1.0.0", V2, true);
        assertThat(replace.get("status").asInt()).as(replace.toString()).isNotZero();
        assertThat(replace.get("message").asText()).contains(job).contains("v00001");
        assertThat(Files.readAllBytes(v1.path())).isEqualTo(V1);

        // The version nobody pinned can go.
        JsonNode free = api.call(get(FILES + "/version/delete").session(admin).param("ids", String.valueOf(v2.id())));
        assertThat(free.get("status").asInt()).as(free.toString()).isZero();
        assertThat(v2.path()).doesNotExist();
    }

    @Test
    void failingDeleteTransactionLeavesTheBytesOnDisk() throws Exception {
        String lib = "rollback" + System.nanoTime() + ".jar";
        Stored f = uploadFile(lib, "1.0.0", V1, false);
        // The first id is deleted, the second does not exist: the whole request rolls back.
        JsonNode r = api.call(get(FILES + "/version/delete").session(admin)
                .param("ids", f.id() + "," + Long.MAX_VALUE));
        assertThat(r.get("status").asInt()).as(r.toString()).isNotZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM linkis_stream_project_files WHERE id = ?",
                Long.class, f.id())).isEqualTo(1L);
        assertThat(f.path()).exists();
        assertThat(Files.readAllBytes(f.path())).isEqualTo(V1);

        JsonNode ok = api.call(get(FILES + "/version/delete").session(admin).param("ids", String.valueOf(f.id())));
        assertThat(ok.get("status").asInt()).as(ok.toString()).isZero();
        assertThat(f.path()).doesNotExist();
    }

    private JobVersion v1(long jobId) {
        return versions.require(jobId, "v00001");
    }

    private long importJarJob(String prefix, String mainJar) throws Exception {
        return importJarJobNamed(prefix + "_" + System.nanoTime(), mainJar);
    }

    private long importJarJobNamed(String job, String mainJar) throws Exception {
        String meta = """
                {"projectName":"default","jobName":"%s","jobType":"flink.jar",
                 "jobContent":{"main.class.jar":"%s","main.class":"org.example.Main"},
                 "jobConfig":{"wds.linkis.flink.produce":{}}}""".formatted(job, mainJar);
        JsonNode r = api.upload(admin, "default", "job.zip", zip().add("meta.json", meta).bytes());
        assertThat(r.get("status").asInt()).as(r.toString()).isZero();
        return r.at("/data/jobId").asLong();
    }

    private Stored uploadFile(String name, String version, byte[] bytes, boolean replace) throws Exception {
        JsonNode r = uploadFileRaw(name, version, bytes, replace);
        assertThat(r.get("status").asInt()).as(r.toString()).isZero();
        Map<String, Object> row = jdbc.queryForMap("SELECT id, store_path FROM linkis_stream_project_files"
                + " WHERE project_name = 'default' AND file_name = ? AND version = ?", name, version);
        return new Stored(((Number) row.get("id")).longValue(), store.resolve((String) row.get("store_path")));
    }

    private JsonNode uploadFileRaw(String name, String version, byte[] bytes, boolean replace) throws Exception {
        return api.call(multipart(FILES + "/upload")
                .file(new MockMultipartFile("file", name, "application/java-archive", bytes))
                .param("projectName", "default").param("version", version)
                .param("updateWhenExists", String.valueOf(replace)).session(admin));
    }

    static String md5(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
    }
}
