package io.streamis.server.dss;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamis.jobmanager.project.Privilege;
import io.streamis.jobmanager.project.Project;
import io.streamis.jobmanager.project.ProjectService;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The DSS AppConn against the real server: the AppConn runs in a JVM of its own with the classpath DSS gives it
 * (DSS 1.1.0, Linkis 1.1.1, Scala 2.11 and our Java 8 jar, as the appconn module wrote it) and is driven as DSS
 * drives it ({@code io.streamis.appconn.DssDriver}); its requests cross real HTTP into this server in gateway mode,
 * trusted by the token from {@code appconn.properties}. Proves that what DSS sends creates, finds, updates and
 * deletes the project with its privileges, that a refusal reaches DSS as an ExternalOperationFailedException, and
 * that the user's ticket (in DSS's query string) lands in no log and no audit row.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "streamis.server.gateway.enabled=true", "streamis.server.gateway.tokens=dss-token-1",
        "streamis.server.gateway.addresses=127.0.0.1",
        // What an operator turns on to debug requests: the ticket must still stay out of the log.
        "logging.level.root=INFO", "logging.level.io.streamis=DEBUG", "logging.level.org.springframework.web=DEBUG"})
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class DssAppConnServerTest {

    private static final String TICKET = "TICKET-7f3a9c-secret";
    private static final Path APPCONN = Path.of(System.getProperty("streamis.appconnDir",
            "../streamis-appconn/target"));

    @LocalServerPort int port;
    @Autowired ProjectService projects;
    @Autowired JdbcTemplate jdbc;

    private static Process dss;
    private static Writer commands;
    private static final BlockingQueue<String> answers = new LinkedBlockingQueue<>();

    @BeforeAll
    static void classpathIsThere() {
        assertThat(APPCONN.resolve("dss-classpath.txt")).as("built by the appconn module (generate-test-resources)")
                .exists();
    }

    private void startDss() throws Exception {
        if (dss != null) {
            return;
        }
        String cp = APPCONN.resolve("classes").toAbsolutePath() + java.io.File.pathSeparator
                + APPCONN.resolve("test-classes").toAbsolutePath() + java.io.File.pathSeparator
                + Files.readString(APPCONN.resolve("dss-classpath.txt")).trim();
        Path log = APPCONN.resolve("dss-driver.log");
        dss = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", cp, "io.streamis.appconn.DssDriver", "http://127.0.0.1:" + port + "/", "dss-token-1", TICKET)
                .redirectError(log.toFile()).start();
        commands = new OutputStreamWriter(dss.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(dss.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (line.startsWith("@@")) {
                        answers.add(line.substring(2));
                    }
                }
            } catch (IOException ended) {
                // the driver exited
            }
        }, "dss-driver-out");
        reader.setDaemon(true);
        reader.start();
        assertThat(next()).isEqualTo("ready");
    }

    @AfterAll
    static void stopDss() throws Exception {
        if (dss != null) {
            dss.getOutputStream().close();
            if (!dss.waitFor(10, TimeUnit.SECONDS)) {
                dss.destroyForcibly().waitFor();
            }
        }
    }

    private static String next() throws Exception {
        String a = answers.poll(60, TimeUnit.SECONDS);
        if (a == null) {
            throw new AssertionError("the DSS driver did not answer within 60 s; stderr:\n"
                    + Files.readString(APPCONN.resolve("dss-driver.log")));
        }
        return a;
    }

    private String dss(String command) throws Exception {
        startDss();
        commands.write(command + "\n");
        commands.flush();
        return next();
    }

    @Test
    void whatDssSendsCreatesFindsUpdatesAndDeletesTheProjectWithItsPrivileges(CapturedOutput output)
            throws Exception {
        String name = "dss_p_" + System.nanoTime();
        assertThat(dss("search alice " + name)).as("DSS searches before it creates").isEqualTo("ok -");

        String created = dss("create alice " + name + " alice bob,carol dave");
        assertThat(created).startsWith("ok ");
        long id = Long.parseLong(created.substring(3));
        Project p = projects.findById(id).orElseThrow();
        assertThat(p.name()).isEqualTo(name);
        assertThat(privileges(id)).isEqualTo(Map.of("alice", "RELEASE", "bob", "EDIT", "carol", "EDIT",
                "dave", "ACCESS"));
        assertThat(dss("search alice " + name)).isEqualTo("ok " + id);

        assertThat(dss("create alice " + name + " alice - -"))
                .as("a duplicate name is refused and DSS is told why")
                .startsWith("error ExternalOperationFailedException").contains("CONFLICT");

        assertThat(dss("update alice " + id + " " + name + "_renamed alice - erin")).isEqualTo("ok -");
        assertThat(projects.findById(id).orElseThrow().name()).isEqualTo(name + "_renamed");
        assertThat(privileges(id)).isEqualTo(Map.of("alice", "RELEASE", "erin", "ACCESS"));

        assertThat(dss("delete erin " + id)).as("ACCESS is not enough to delete")
                .startsWith("error ExternalOperationFailedException").contains("NO_PERMISSION");
        assertThat(projects.findById(id)).isPresent();

        assertThat(dss("delete alice " + id)).isEqualTo("ok -");
        assertThat(projects.findById(id)).isEmpty();
        assertThat(dss("search alice " + name + "_renamed")).isEqualTo("ok -");

        // Audited as alice, from the DSS host, and the ticket DSS put in every query string is nowhere.
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM streamis_audit_log WHERE user_name = 'alice'"
                + " AND action IN ('PROJECT_CREATE', 'PROJECT_UPDATE', 'PROJECT_DELETE') AND remote_addr = '127.0.0.1'"
                + " AND project_name LIKE ?", Integer.class, name + "%")).isEqualTo(4);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM streamis_audit_log WHERE detail LIKE ?"
                + " OR request LIKE ? OR message LIKE ?", Integer.class, "%" + TICKET + "%", "%" + TICKET + "%",
                "%" + TICKET + "%")).isZero();
        assertThat(output.getAll()).as("server log, with Spring's web logging at DEBUG")
                .contains("ProjectController#create").doesNotContain(TICKET);
    }

    private Map<String, String> privileges(long projectId) {
        return projects.privilegesOf(projectId).stream().collect(Collectors.toMap(r -> r.userName(),
                r -> Privilege.fromCode(r.privilege()).name()));
    }
}
