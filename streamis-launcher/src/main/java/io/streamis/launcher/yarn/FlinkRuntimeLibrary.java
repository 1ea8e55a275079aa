package io.streamis.launcher.yarn;

import io.streamis.common.error.ErrorCode;
import io.streamis.common.error.StreamisException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.UnsupportedFileSystemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Flink runtime jars YARN containers run, uploaded once per content hash to {@code <libRoot>/<hash>} and
 * passed as {@code yarn.provided.lib.dirs}, so a start ships only the job's own jar (a 7 s deploy instead of
 * 24 s, yarn-hdfs-notes §3). The upload goes to a temporary name and is renamed into place, so a crash mid-upload
 * never leaves a half directory under the hash's name; a directory there is still checked against the local jars
 * before it is trusted. Temporary directories a crashed upload left behind are deleted once they are old enough that
 * no node can still be writing them.
 */
public class FlinkRuntimeLibrary {

    private static final Logger LOG = LoggerFactory.getLogger(FlinkRuntimeLibrary.class);

    /**
     * How long a {@code <hash>.part-<uuid>} directory must have stood unchanged before it counts as a crashed upload's
     * leftover. Its modification time moves with every jar an upload starts, and the longest step (one jar of the
     * runtime) takes minutes at worst on a slow link, so an hour is far above any upload still in progress on another
     * node, and far above the clock skew between this server and the NameNode whose clock stamped it.
     */
    static final Duration LEFTOVER_MAX_AGE = Duration.ofHours(1);

    private static final String HASH_PREFIX = "flink-";
    private static final String PART_INFIX = ".part-";
    /** Exactly the temporary names {@link #upload} makes; anything else under the lib root is never deleted. */
    private static final Pattern LEFTOVER = Pattern.compile(Pattern.quote(HASH_PREFIX) + "[0-9a-f]{16}"
            + Pattern.quote(PART_INFIX) + "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final Path localDir;
    private final Map<String, String> uploaded = new ConcurrentHashMap<>();
    private volatile String hash;

    public FlinkRuntimeLibrary(Path localDir) {
        this.localDir = localDir;
    }

    /**
     * The remote directory holding this library under {@code libRoot}; uploads it first unless a complete copy is
     * there (every jar, each of its local size, nothing else).
     */
    public synchronized String ensureUploaded(String libRoot, Configuration hadoopConf) {
        String target = stripSlash(libRoot) + "/" + hash();
        if (uploaded.containsKey(target)) {
            return target;
        }
        try {
            Map<String, Long> local = new TreeMap<>();
            for (Path jar : jars()) {
                local.put(jar.getFileName().toString(), Files.size(jar));
            }
            org.apache.hadoop.fs.Path dst = new org.apache.hadoop.fs.Path(target);
            FileSystem fs = dst.getFileSystem(hadoopConf);
            dst = fs.makeQualified(dst);
            if (!isComplete(fs, dst, local)) {
                upload(fs, hadoopConf, dst, local);
            }
            // Once per process and lib root (one listing): a node that crashed mid-upload may find the library
            // complete after its restart, so cleaning only when uploading would keep its leftover forever.
            deleteOldLeftovers(fs, dst.getParent());
            uploaded.put(target, target);
            return target;
        } catch (IOException e) {
            throw new StreamisException(ErrorCode.STATE_STORAGE, "Cannot upload the Flink runtime to " + target + ": "
                    + e.getMessage(), e);
        }
    }

    private void upload(FileSystem fs, Configuration hadoopConf, org.apache.hadoop.fs.Path dst,
                        Map<String, Long> local) throws IOException {
        org.apache.hadoop.fs.Path tmp = fs.makeQualified(new org.apache.hadoop.fs.Path(dst + PART_INFIX
                + UUID.randomUUID()));
        try {
            fs.mkdirs(tmp);
            for (String jar : local.keySet()) {
                fs.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(localDir.resolve(jar).toUri()),
                        new org.apache.hadoop.fs.Path(tmp, jar));
            }
            if (commit(fs, hadoopConf, tmp, dst) || isComplete(fs, dst, local)) {
                return; // ours, or another node's complete upload that got there first
            }
            // A directory under the hash's name that is not this library (copied by hand, cut short): replaced,
            // because the containers of every start would otherwise run on it.
            LOG.warn("Replacing the incomplete Flink runtime directory {}", dst);
            fs.delete(dst, true);
            if (!commit(fs, hadoopConf, tmp, dst) && !isComplete(fs, dst, local)) {
                throw new IOException(dst + " is incomplete and could not be replaced");
            }
        } finally {
            fs.delete(tmp, true); // gone already when it was renamed into place
        }
    }

    /**
     * Renames {@code tmp} to {@code dst} unless {@code dst} exists; false if it does. {@code FileSystem.rename}
     * cannot say that: on HDFS it moves {@code tmp} into an existing {@code dst}, so two nodes uploading the same
     * hash at once would leave a second copy nested inside the first, which Flink then ships to every container.
     */
    private static boolean commit(FileSystem fs, Configuration hadoopConf, org.apache.hadoop.fs.Path tmp,
                                  org.apache.hadoop.fs.Path dst) throws IOException {
        try {
            FileContext.getFileContext(fs.getUri(), hadoopConf).rename(tmp, dst, Options.Rename.NONE);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (UnsupportedFileSystemException e) {
            // A scheme without Hadoop's AbstractFileSystem binding: the plain rename, with a check before it.
            if (fs.exists(dst)) {
                return false;
            }
            if (!fs.rename(tmp, dst)) {
                throw new IOException("could not rename " + tmp + " to " + dst);
            }
            return true;
        }
    }

    /**
     * Deletes the temporary directories of uploads (of any hash) under {@code libRoot} unchanged for
     * {@link #LEFTOVER_MAX_AGE}; a younger one may be another node's upload in progress. Best effort: a failure is
     * logged and the start goes on, the next process's resolution tries again.
     */
    private static void deleteOldLeftovers(FileSystem fs, org.apache.hadoop.fs.Path libRoot) {
        long cutoff = System.currentTimeMillis() - LEFTOVER_MAX_AGE.toMillis();
        FileStatus[] listed;
        try {
            listed = fs.listStatus(libRoot);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Cannot list {} for leftovers of crashed Flink runtime uploads: {}", libRoot, e.toString());
            return;
        }
        for (FileStatus f : listed) {
            if (!f.isDirectory() || f.getModificationTime() >= cutoff
                    || !LEFTOVER.matcher(f.getPath().getName()).matches()) {
                continue;
            }
            try {
                if (fs.delete(f.getPath(), true)) {
                    LOG.info("Deleted {}, the leftover of a crashed Flink runtime upload", f.getPath());
                } else if (fs.exists(f.getPath())) {
                    LOG.warn("Could not delete {}, the leftover of a crashed Flink runtime upload", f.getPath());
                }
            } catch (IOException | RuntimeException e) {
                LOG.warn("Could not delete {}, the leftover of a crashed Flink runtime upload: {}", f.getPath(),
                        e.toString());
            }
        }
    }

    /** {@code dst} holds exactly the local jars, each of its local size. */
    private static boolean isComplete(FileSystem fs, org.apache.hadoop.fs.Path dst, Map<String, Long> local)
            throws IOException {
        FileStatus[] listed;
        try {
            listed = fs.listStatus(dst);
        } catch (FileNotFoundException e) {
            return false;
        }
        Map<String, Long> remote = new TreeMap<>();
        for (FileStatus f : listed) {
            remote.put(f.getPath().getName(), f.isFile() ? f.getLen() : -1L);
        }
        return remote.equals(local);
    }

    /** SHA-256 over the jars' names and bytes; computed once per process. */
    public String hash() {
        String h = hash;
        if (h == null) {
            try {
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                byte[] buf = new byte[1 << 16];
                for (Path jar : jars()) {
                    md.update(jar.getFileName().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    try (InputStream in = Files.newInputStream(jar)) {
                        for (int n; (n = in.read(buf)) > 0; ) {
                            md.update(buf, 0, n);
                        }
                    }
                }
                h = HASH_PREFIX + HexFormat.of().formatHex(md.digest()).substring(0, 16);
                hash = h;
            } catch (IOException | NoSuchAlgorithmException e) {
                throw new IllegalStateException("Cannot read the Flink runtime in " + localDir + ": " + e.getMessage(),
                        e);
            }
        }
        return h;
    }

    private List<Path> jars() throws IOException {
        if (localDir == null || !Files.isDirectory(localDir)) {
            throw new IOException("the Flink runtime directory " + localDir + " does not exist"
                    + " (set streamis.launcher.flink-lib-dir; the build puts it in streamis-flink-lib/target/flink-lib)");
        }
        try (Stream<Path> s = Files.list(localDir)) {
            List<Path> jars = s.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
            if (jars.stream().noneMatch(p -> p.getFileName().toString().startsWith("flink-dist"))) {
                throw new IOException(localDir + " holds no flink-dist*.jar, which YARN deployment requires");
            }
            return jars;
        }
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
