package io.streamis.launcher.launch;

import io.streamis.runner.SqlRunner;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/** Builds the jars the launcher uploads: the SQL runner jar, and a jar job's main jar with its dependencies. */
public class JarPackager {

    private final Path dir;

    public JarPackager(Path dir) {
        this.dir = dir;
    }

    /** The SQL runner jar: the runner's own jar, or (in a source tree) its classes packed once. */
    public synchronized Path sqlRunnerJar() {
        try {
            Path src = Path.of(SqlRunner.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(src)) {
                return src;
            }
            Path out = dir.resolve("streamis-sql-runner.jar");
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "runner", ".part");
            try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(tmp), new Manifest());
                 Stream<Path> files = Files.walk(src)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    String name = src.relativize(f).toString().replace('\\', '/');
                    if (!name.startsWith("META-INF/MANIFEST")) {
                        jar.putNextEntry(new JarEntry(name));
                        Files.copy(f, jar);
                        jar.closeEntry();
                    }
                }
            }
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The main jar with dependency jars nested under {@code lib/} (Flink adds them to the user class loader,
     * flink-notes §11) and resources at the root. Built once per artifact key.
     */
    public synchronized Path combinedJar(String artifactKey, Path mainJar, List<Path> deps, List<Path> resources) {
        if (deps.isEmpty() && resources.isEmpty()) {
            return mainJar;
        }
        Path out = dir.resolve(artifactKey.replaceAll("[^A-Za-z0-9._-]", "_") + ".jar");
        if (Files.exists(out)) {
            return out;
        }
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "job", ".part");
            Set<String> names = new HashSet<>();
            try (JarInputStream in = new JarInputStream(Files.newInputStream(mainJar));
                 JarOutputStream jar = in.getManifest() == null ? new JarOutputStream(Files.newOutputStream(tmp))
                         : new JarOutputStream(Files.newOutputStream(tmp), in.getManifest())) {
                JarEntry e;
                while ((e = in.getNextJarEntry()) != null) {
                    if (names.add(e.getName())) {
                        jar.putNextEntry(new JarEntry(e.getName()));
                        in.transferTo(jar);
                        jar.closeEntry();
                    }
                }
                for (Path d : deps) {
                    add(jar, names, "lib/" + d.getFileName(), d);
                }
                for (Path r : resources) {
                    add(jar, names, r.getFileName().toString(), r);
                }
            }
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void add(JarOutputStream jar, Set<String> names, String name, Path file) throws IOException {
        if (names.add(name)) {
            jar.putNextEntry(new JarEntry(name));
            try (InputStream in = Files.newInputStream(file)) {
                in.transferTo(jar);
            }
            jar.closeEntry();
        }
    }
}
