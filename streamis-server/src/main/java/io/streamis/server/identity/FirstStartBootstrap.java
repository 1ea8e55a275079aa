package io.streamis.server.identity;

import io.streamis.jobmanager.project.Privilege;
import io.streamis.jobmanager.project.ProjectService;
import io.streamis.server.StreamisServerProperties;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * First start: creates user {@code admin} (password from {@code STREAMIS_ADMIN_PASSWORD}, or generated and written
 * once to an owner-only file whose location is logged; the password itself never reaches stdout or a log, since
 * {@code bin/start.sh} appends stdout to {@code logs/streamis.out}) and a default project admin may release to.
 * Later starts change nothing.
 */
@Component
@Order(0)
class FirstStartBootstrap implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(FirstStartBootstrap.class);
    static final String ADMIN = "admin";

    private final UserService users;
    private final ProjectService projects;
    private final StreamisServerProperties properties;

    FirstStartBootstrap(UserService users, ProjectService projects, StreamisServerProperties properties) {
        this.users = users;
        this.projects = projects;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!users.exists(ADMIN)) {
            String password = properties.adminPassword();
            boolean generated = password == null || password.isBlank();
            if (generated) {
                byte[] b = new byte[12];
                new SecureRandom().nextBytes(b);
                password = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
            }
            if (generated) {
                // Before the user exists: if the file cannot be written, no admin with an unknown password is left.
                Path file = AdminPasswordFile.write(properties.adminPasswordFile(), password);
                LOG.info("Created user {} with a generated password; it is in {} (readable by this OS user only)."
                        + " Delete the file once you have changed or noted the password.", ADMIN, file);
            }
            users.create(ADMIN, password);
            if (!generated) {
                LOG.info("Created user {}", ADMIN);
            }
        }
        if (projects.findByName(properties.defaultProject()).isEmpty()) {
            projects.create(ADMIN, properties.defaultProject(), null, Map.of(Privilege.RELEASE, List.of(ADMIN)));
            LOG.info("Created project {}", properties.defaultProject());
        }
    }
}
