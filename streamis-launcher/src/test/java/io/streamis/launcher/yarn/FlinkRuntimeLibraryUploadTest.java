package io.streamis.launcher.yarn;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.streamis.launcher.hadoop.HadoopMiniClusters;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FilterFileSystem;
import org.apache.hadoop.fs.StorageStatistics;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The Flink runtime reaches YARN as {@code yarn.provided.lib.dirs} on a real HDFS: uploaded once per content hash,
 * reused by later preparations (this process's or a restarted server's), never trusted half-finished, and not
 * duplicated when two nodes upload the same hash at once; a crashed upload's leftover is deleted once it is old.
 */
class FlinkRuntimeLibraryUploadTest {

    private static final List<String> JARS = List.of("flink-dist-1.20.0.jar", "flink-table-runtime-1.20.0.jar",
            "log4j-core-2.24.3.jar");

    @TempDir
    static Path base;
    static HadoopMiniClusters hadoop;
    static FileSystem hdfs;

    @TempDir
    Path local;
    String libRoot;

    @BeforeAll
    static void startHdfs() throws Exception {
        hadoop = HadoopMiniClusters.start(base, false);
        hdfs = FileSystem.get(java.net.URI.create(hadoop.hdfsUri()), hadoop.conf());
    }

    @AfterAll
    static void stopHdfs() {
        if (hadoop != null) {
            hadoop.close();
        }
    }

    @AfterEach
    void noRace() {
        RacingFileSystem.beforeFirstCopy = null;
        UndeletableFileSystem.undeletable = null;
    }

    @BeforeEach
    void root(TestInfo test) {
        libRoot = hadoop.hdfsUri() + "/streamis/state/_flink-lib-" + test.getTestMethod().orElseThrow().getName();
    }

    @Test
    void theFirstPreparationUploadsTheJarsUnderADirectoryNamedByTheirContentHash() throws Exception {
        Path runtime = runtime("a", 1);
        FlinkRuntimeLibrary lib = new FlinkRuntimeLibrary(runtime);

        String dir = lib.ensureUploaded(libRoot, hadoop.conf());

        assertThat(dir).isEqualTo(libRoot + "/" + lib.hash());
        assertThat(lib.hash()).matches("flink-[0-9a-f]{16}");
        assertHolds(dir, runtime);
        assertThat(names(libRoot)).containsExactly(lib.hash()); // no temporary directory left behind
        // The name is the content's: the same jars elsewhere on disk hash alike.
        assertThat(new FlinkRuntimeLibrary(copy(runtime, "a-copy")).hash()).isEqualTo(lib.hash());
    }

    @Test
    void aSecondPreparationWithTheSameJarsUploadsNothing() throws Exception {
        Path runtime = runtime("a", 1);
        FlinkRuntimeLibrary lib = new FlinkRuntimeLibrary(runtime);
        long beforeUpload = hdfsCounter("bytesWritten");
        String dir = lib.ensureUploaded(libRoot, hadoop.conf());
        long written = hdfsCounter("bytesWritten");
        long writeOps = hdfsCounter("writeOps");
        // The counters see an upload, so their standing still below means nothing was sent.
        assertThat(written - beforeUpload).isGreaterThanOrEqualTo(localSize(runtime));
        Map<String, Long> stamps = modificationTimes(dir);

        // The same process again, and a restarted server (a fresh library over the same jars).
        assertThat(lib.ensureUploaded(libRoot, hadoop.conf())).isEqualTo(dir);
        assertThat(new FlinkRuntimeLibrary(copy(runtime, "restarted")).ensureUploaded(libRoot, hadoop.conf()))
                .isEqualTo(dir);

        assertThat(hdfsCounter("bytesWritten")).as("bytes written to HDFS").isEqualTo(written);
        assertThat(hdfsCounter("writeOps")).as("HDFS write operations").isEqualTo(writeOps);
        assertThat(modificationTimes(dir)).isEqualTo(stamps);
        assertThat(names(libRoot)).containsExactly(lib.hash());
    }

    @Test
    void aChangedJarSetGetsANewHashDirectoryAndLeavesTheOldOneAlone() throws Exception {
        Path runtime = runtime("a", 1);
        FlinkRuntimeLibrary before = new FlinkRuntimeLibrary(runtime);
        String oldDir = before.ensureUploaded(libRoot, hadoop.conf());
        Map<String, Long> oldStamps = modificationTimes(oldDir);

        // One jar's bytes change, its name and size do not: the content decides.
        Path changed = copy(runtime, "changed");
        byte[] bytes = Files.readAllBytes(changed.resolve(JARS.get(1)));
        bytes[bytes.length / 2] ^= 0x5a;
        Files.write(changed.resolve(JARS.get(1)), bytes);
        FlinkRuntimeLibrary after = new FlinkRuntimeLibrary(changed);
        String newDir = after.ensureUploaded(libRoot, hadoop.conf());

        assertThat(after.hash()).isNotEqualTo(before.hash());
        assertThat(newDir).isEqualTo(libRoot + "/" + after.hash());
        assertHolds(newDir, changed);
        assertHolds(oldDir, runtime);
        assertThat(modificationTimes(oldDir)).isEqualTo(oldStamps);

        // One more jar: another hash again.
        Path added = copy(runtime, "added");
        Files.write(added.resolve("flink-connector-extra-1.0.jar"), randomBytes(9, 4096));
        FlinkRuntimeLibrary more = new FlinkRuntimeLibrary(added);
        String thirdDir = more.ensureUploaded(libRoot, hadoop.conf());
        assertHolds(thirdDir, added);
        assertThat(names(libRoot)).containsExactlyInAnyOrder(before.hash(), after.hash(), more.hash());
    }

    @Test
    void aCrashedUploadsTemporaryDirectoryIsNotTakenForTheLibrary() throws Exception {
        Path runtime = runtime("a", 1);
        FlinkRuntimeLibrary lib = new FlinkRuntimeLibrary(runtime);
        // What a server killed mid-upload leaves: the temporary directory with part of the jars.
        org.apache.hadoop.fs.Path crashed = new org.apache.hadoop.fs.Path(libRoot + "/" + lib.hash()
                + ".part-0b0e6ad1-crashed");
        hdfs.mkdirs(crashed);
        hdfs.copyFromLocalFile(new org.apache.hadoop.fs.Path(runtime.resolve(JARS.get(0)).toUri()),
                new org.apache.hadoop.fs.Path(crashed, JARS.get(0)));

        String dir = lib.ensureUploaded(libRoot, hadoop.conf());

        assertThat(dir).isEqualTo(libRoot + "/" + lib.hash());
        assertHolds(dir, runtime);
    }

    @Test
    void anIncompleteDirectoryUnderTheHashsNameIsReplacedNotReused() throws Exception {
        Path runtime = runtime("a", 1);
        FlinkRuntimeLibrary lib = new FlinkRuntimeLibrary(runtime);
        // Under the hash's name, as a hand copy cut short would leave it: one jar missing, one truncated.
        org.apache.hadoop.fs.Path half = new org.apache.hadoop.fs.Path(libRoot + "/" + lib.hash());
        hdfs.mkdirs(half);
        hdfs.copyFromLocalFile(new org.apache.hadoop.fs.Path(runtime.resolve(JARS.get(0)).toUri()),
                new org.apache.hadoop.fs.Path(half, JARS.get(0)));
        try (var out = hdfs.create(new org.apache.hadoop.fs.Path(half, JARS.get(1)))) {
            out.write(Arrays.copyOf(Files.readAllBytes(runtime.resolve(JARS.get(1))), 100));
        }

        String dir = lib.ensureUploaded(libRoot, hadoop.conf());

        assertThat(dir).isEqualTo(half.toString());
        assertHolds(dir, runtime);
        assertThat(names(libRoot)).containsExactly(lib.hash());
    }

    @Test
    void twoNodesUploadingTheSameHashAtOnceLeaveOneCopy() throws Exception {
        Path runtime = runtime("a", 1);
        FlinkRuntimeLibrary ours = new FlinkRuntimeLibrary(runtime);
        FlinkRuntimeLibrary otherNode = new FlinkRuntimeLibrary(copy(runtime, "other-node"));
        // The other node completes its upload while ours is copying its first jar.
        RacingFileSystem.beforeFirstCopy = () -> otherNode.ensureUploaded(libRoot, hadoop.conf());
        Configuration racing = new Configuration(hadoop.conf());
        racing.setClass("fs.hdfs.impl", RacingFileSystem.class, FileSystem.class);
        racing.setBoolean("fs.hdfs.impl.disable.cache", true);

        String dir = ours.ensureUploaded(libRoot, racing);

        assertThat(RacingFileSystem.beforeFirstCopy).as("the race happened").isNull();
        assertThat(dir).isEqualTo(libRoot + "/" + ours.hash());
        // Exactly the jars: no second copy nested inside (FileSystem.rename moves into an existing directory).
        assertHolds(dir, runtime);
        assertThat(names(libRoot)).containsExactly(ours.hash());
    }

    @Test
    void oldLeftoversOfCrashedUploadsAreDeletedAndEverythingElseIsKept() throws Exception {
        Path runtime = runtime("a", 1);
        FlinkRuntimeLibrary lib = new FlinkRuntimeLibrary(runtime);
        String otherHash = "flink-0123456789abcdef";
        long old = System.currentTimeMillis() - FlinkRuntimeLibrary.LEFTOVER_MAX_AGE.toMillis()
                - java.time.Duration.ofMinutes(5).toMillis();
        // Crashed uploads of this hash and of an older jar set, long unchanged.
        String oldOwn = leftover(lib.hash(), runtime, old);
        String oldOther = leftover(otherHash, runtime, old);
        // Another node's upload in progress: just written.
        String fresh = leftover(lib.hash(), runtime, -1);
        // Old, but not a leftover of this library's naming scheme, or not a directory.
        String finished = directory(otherHash, runtime, old);
        String notAUuid = directory(otherHash + ".part-keep-me", runtime, old);
        String notAHash = directory("backup.part-" + UUID.randomUUID(), runtime, old);
        String unrelated = directory("operator-notes", runtime, old);
        String aFile = lib.hash() + ".part-" + UUID.randomUUID();
        try (var out = hdfs.create(new org.apache.hadoop.fs.Path(libRoot, aFile))) {
            out.write(1);
        }
        hdfs.setTimes(new org.apache.hadoop.fs.Path(libRoot, aFile), old, -1);

        String dir = lib.ensureUploaded(libRoot, hadoop.conf());

        assertHolds(dir, runtime);
        assertThat(names(libRoot)).doesNotContain(oldOwn, oldOther)
                .containsExactlyInAnyOrder(lib.hash(), fresh, finished, notAUuid, notAHash, unrelated, aFile);
        assertThat(names(libRoot + "/" + finished)).containsExactly(JARS.get(0)); // untouched inside too
    }

    @Test
    void aRestartedServerFindingTheLibraryCompleteStillDeletesOldLeftovers() throws Exception {
        Path runtime = runtime("a", 1);
        FlinkRuntimeLibrary crashedNode = new FlinkRuntimeLibrary(runtime);
        crashedNode.ensureUploaded(libRoot, hadoop.conf()); // another node completed the upload meanwhile
        String old = leftover(crashedNode.hash(), runtime, System.currentTimeMillis()
                - FlinkRuntimeLibrary.LEFTOVER_MAX_AGE.toMillis() - 60_000);

        String dir = new FlinkRuntimeLibrary(copy(runtime, "restarted")).ensureUploaded(libRoot, hadoop.conf());

        assertHolds(dir, runtime);
        assertThat(names(libRoot)).doesNotContain(old).containsExactly(crashedNode.hash());
    }

    @Test
    void aLeftoverThatCannotBeDeletedIsLoggedAndTheUploadGoesOn() throws Exception {
        Path runtime = runtime("a", 1);
        FlinkRuntimeLibrary lib = new FlinkRuntimeLibrary(runtime);
        String old = leftover(lib.hash(), runtime, System.currentTimeMillis()
                - FlinkRuntimeLibrary.LEFTOVER_MAX_AGE.toMillis() - 60_000);
        UndeletableFileSystem.undeletable = old;
        Configuration failing = new Configuration(hadoop.conf());
        failing.setClass("fs.hdfs.impl", UndeletableFileSystem.class, FileSystem.class);
        failing.setBoolean("fs.hdfs.impl.disable.cache", true);
        Logger logger = (Logger) LoggerFactory.getLogger(FlinkRuntimeLibrary.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        String dir;
        try {
            dir = lib.ensureUploaded(libRoot, failing);
        } finally {
            logger.detachAppender(log);
        }

        assertHolds(dir, runtime);
        assertThat(names(libRoot)).containsExactlyInAnyOrder(lib.hash(), old);
        assertThat(log.list).anySatisfy(e -> {
            assertThat(e.getLevel()).isEqualTo(Level.WARN);
            assertThat(e.getFormattedMessage()).contains(old).contains("permission denied");
        });
    }

    /** HDFS, except that deleting the directory named {@link #undeletable} fails. */
    public static class UndeletableFileSystem extends FilterFileSystem {
        static volatile String undeletable;

        public UndeletableFileSystem() {
            super(new DistributedFileSystem());
        }

        @Override
        public boolean delete(org.apache.hadoop.fs.Path f, boolean recursive) throws IOException {
            if (f.getName().equals(undeletable)) {
                throw new org.apache.hadoop.security.AccessControlException("permission denied");
            }
            return super.delete(f, recursive);
        }
    }

    /** A crashed upload's temporary directory for {@code hash} holding one jar, modified at {@code mtime}. */
    private String leftover(String hash, Path runtime, long mtime) throws IOException {
        return directory(hash + ".part-" + UUID.randomUUID(), runtime, mtime);
    }

    /** A directory under the lib root holding the first jar, modified at {@code mtime} (-1: now). */
    private String directory(String name, Path runtime, long mtime) throws IOException {
        org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(libRoot, name);
        hdfs.mkdirs(dir);
        hdfs.copyFromLocalFile(new org.apache.hadoop.fs.Path(runtime.resolve(JARS.get(0)).toUri()),
                new org.apache.hadoop.fs.Path(dir, JARS.get(0)));
        if (mtime >= 0) {
            hdfs.setTimes(dir, mtime, -1); // after its content, which would move it
            assertThat(hdfs.getFileStatus(dir).getModificationTime()).isEqualTo(mtime);
        }
        return name;
    }

    /** HDFS, except that the first copy from local disk first runs {@link #beforeFirstCopy}. */
    public static class RacingFileSystem extends FilterFileSystem {
        static volatile Runnable beforeFirstCopy;

        public RacingFileSystem() {
            super(new DistributedFileSystem());
        }

        @Override
        public void copyFromLocalFile(boolean delSrc, boolean overwrite, org.apache.hadoop.fs.Path src,
                                      org.apache.hadoop.fs.Path dst) throws IOException {
            Runnable race = beforeFirstCopy;
            if (race != null) {
                beforeFirstCopy = null;
                race.run();
            }
            super.copyFromLocalFile(delSrc, overwrite, src, dst);
        }
    }

    private Path runtime(String name, long seed) throws IOException {
        Path dir = Files.createDirectories(local.resolve(name));
        for (int i = 0; i < JARS.size(); i++) {
            Files.write(dir.resolve(JARS.get(i)), randomBytes(seed * 31 + i, 48 * 1024 + i));
        }
        return dir;
    }

    private Path copy(Path from, String name) throws IOException {
        Path to = Files.createDirectories(local.resolve(name));
        try (Stream<Path> s = Files.list(from)) {
            for (Path p : s.toList()) {
                Files.copy(p, to.resolve(p.getFileName()));
            }
        }
        return to;
    }

    private static byte[] randomBytes(long seed, int n) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** The remote directory holds exactly the local jars, byte for byte. */
    private static void assertHolds(String dir, Path localJars) throws IOException {
        Map<String, byte[]> remote = new TreeMap<>();
        for (FileStatus f : hdfs.listStatus(new org.apache.hadoop.fs.Path(dir))) {
            assertThat(f.isFile()).as(f.getPath() + " is a file").isTrue();
            try (InputStream in = hdfs.open(f.getPath())) {
                remote.put(f.getPath().getName(), in.readAllBytes());
            }
        }
        Map<String, byte[]> expected = new TreeMap<>();
        try (Stream<Path> s = Files.list(localJars)) {
            for (Path p : s.toList()) {
                expected.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        }
        assertThat(remote.keySet()).containsExactlyElementsOf(expected.keySet());
        expected.forEach((name, bytes) -> assertThat(remote.get(name)).as(name).isEqualTo(bytes));
    }

    private static long localSize(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            long n = 0;
            for (Path p : s.toList()) {
                n += Files.size(p);
            }
            return n;
        }
    }

    private static List<String> names(String dir) throws IOException {
        return Arrays.stream(hdfs.listStatus(new org.apache.hadoop.fs.Path(dir)))
                .map(f -> f.getPath().getName()).sorted().toList();
    }

    private static Map<String, Long> modificationTimes(String dir) throws IOException {
        org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(dir);
        Map<String, Long> m = new TreeMap<>();
        m.put(".", hdfs.getFileStatus(p).getModificationTime());
        for (FileStatus f : hdfs.listStatus(p)) {
            m.put(f.getPath().getName(), f.getModificationTime());
        }
        return m;
    }

    /** What this JVM's HDFS clients have written, as Hadoop counts it per file-system scheme. */
    private static long hdfsCounter(String key) {
        StorageStatistics stats = FileSystem.getGlobalStorageStatistics().get("hdfs");
        Long v = stats == null ? null : stats.getLong(key);
        return v == null ? 0 : v;
    }
}
