package io.streamis.server.dss;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * The package DSS's {@code appconn-install.sh} unpacks, as the appconn module built it (its {@code package} phase
 * runs before this module's tests in the reactor): {@code streamis/{lib, conf/appconn.properties, db/init.sql}},
 * {@code lib/} holding only our jar, and that jar in Java 8 bytecode. DSS 1.1 runs on Java 8 while every test here
 * runs on JDK 17, so nothing else would notice a class compiled for a newer release.
 */
class AppConnPackageTest {

    private static final Path ZIP = Path.of(System.getProperty("streamis.appconnDir", "../streamis-appconn/target"))
            .resolve("streamis-appconn.zip");

    /** Class file major version of Java 8. */
    private static final int JAVA_8 = 52;

    @Test
    void theZipHoldsOurJarItsPropertiesAndInitSqlWhereDssLooks() throws IOException {
        assertThat(ZIP).as("built by the appconn module (package phase)").exists();
        List<String> files = new ArrayList<>();
        try (ZipFile zip = new ZipFile(ZIP.toFile())) {
            zip.stream().filter(e -> !e.isDirectory()).forEach(e -> files.add(e.getName()));
        }
        assertThat(files).hasSize(3).contains("streamis/conf/appconn.properties", "streamis/db/init.sql");
        assertThat(files).filteredOn(f -> f.startsWith("streamis/lib/"))
                .as("lib/ holds only our jar: DSS and Linkis are on DSS's own classpath")
                .singleElement().asString().matches("streamis/lib/streamis-appconn-[^/]+\\.jar");
    }

    @Test
    void everyClassOfTheShippedJarIsJava8Bytecode() throws IOException {
        Map<String, Integer> majors = new TreeMap<>();
        try (ZipFile zip = new ZipFile(ZIP.toFile())) {
            ZipEntry jar = zip.stream().filter(e -> e.getName().startsWith("streamis/lib/")
                    && e.getName().endsWith(".jar")).findFirst().orElseThrow();
            try (ZipInputStream classes = new ZipInputStream(zip.getInputStream(jar))) {
                for (ZipEntry e = classes.getNextEntry(); e != null; e = classes.getNextEntry()) {
                    if (e.getName().endsWith(".class")) {
                        majors.put(e.getName(), major(classes.readAllBytes()));
                    }
                }
            }
        }
        assertThat(majors).containsKey("io/streamis/appconn/StreamisAppConn.class");
        assertThat(majors.values()).as("class file versions: %s", majors).containsOnly(JAVA_8);
    }

    private static int major(byte[] classFile) throws IOException {
        try (InputStream in = new ByteArrayInputStream(classFile); DataInputStream data = new DataInputStream(in)) {
            assertThat(data.readInt()).as("class file magic").isEqualTo(0xCAFEBABE);
            data.readUnsignedShort();
            return data.readUnsignedShort();
        }
    }
}
