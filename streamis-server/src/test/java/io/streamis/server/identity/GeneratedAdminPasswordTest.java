package io.streamis.server.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamis.server.StreamisServerProperties;
import io.streamis.server.support.ApiTestSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Without {@code STREAMIS_ADMIN_PASSWORD} the first start generates one. It goes to an owner-only file whose
 * location is logged; the password itself appears on no output ({@code bin/start.sh} appends stdout to a log).
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(properties = {"streamis.server.admin-password=",
        "streamis.server.admin-password-file=${streamis.data-dir}/secrets/admin-password",
        "logging.level.io.streamis.server.identity=INFO"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
class GeneratedAdminPasswordTest {

    @Autowired StreamisServerProperties properties;
    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;

    @Test
    void theGeneratedPasswordIsInAnOwnerOnlyFileAndInNoOutput(CapturedOutput output) throws Exception {
        Path file = properties.adminPasswordFile();
        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        String password = Files.readString(file).replaceFirst("(?s)^.*: ", "").trim();
        assertThat(password).hasSizeGreaterThanOrEqualTo(16);

        assertThat(output.getAll()).contains(file.toString()).doesNotContain(password);
        new ApiTestSupport(mvc, json).login("admin", password);
    }
}
