package io.streamis.launcher.state;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class LocalRestorePointResolverTest extends RestorePointResolverContract {

    @TempDir
    Path dir;

    @Override
    String root() {
        return dir.toUri().toString().replaceAll("/$", "");
    }
}
