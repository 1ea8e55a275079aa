package io.streamis.jobmanager.material;

import io.streamis.common.error.StreamisException;
import io.streamis.jobmanager.StreamisJobManagerProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.commons.io.FileUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Material store on the local file system under {@code streamis.jobmanager.material-root}. */
@Component
public class LocalMaterialStore implements MaterialStore {

    private static final Logger LOG = LoggerFactory.getLogger(LocalMaterialStore.class);

    private final Path root;

    public LocalMaterialStore(StreamisJobManagerProperties properties) {
        this.root = properties.materialRoot().toAbsolutePath().normalize();
    }

    @Override
    public String storeType() {
        return "local";
    }

    @Override
    public Stored put(String storePath, Path source) throws IOException {
        try (InputStream in = Files.newInputStream(source)) {
            return put(storePath, in);
        }
    }

    @Override
    public Stored put(String storePath, InputStream source) throws IOException {
        Path target = resolve(storePath);
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), ".upload-", ".part");
        MessageDigest md5 = md5();
        try (DigestInputStream in = new DigestInputStream(source, md5)) {
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            long size = Files.size(tmp);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            deleteOnRollback(storePath);
            return new Stored(storePath, HexFormat.of().formatHex(md5.digest()), size);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private void deleteOnRollback(String storePath) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    delete(storePath);
                }
            }
        });
    }

    @Override
    public Path resolve(String storePath) {
        Path p = root.resolve(storePath).normalize();
        if (!p.startsWith(root)) {
            throw StreamisException.validation("Store path escapes the material root: " + storePath);
        }
        return p;
    }

    @Override
    public InputStream open(String storePath) throws IOException {
        return Files.newInputStream(resolve(storePath));
    }

    @Override
    public void delete(String storePath) {
        try {
            Path p = resolve(storePath);
            if (Files.isDirectory(p)) {
                FileUtils.deleteDirectory(p.toFile());
            } else {
                Files.deleteIfExists(p);
            }
            pruneEmptyParents(p.getParent());
        } catch (IOException e) {
            LOG.warn("Could not delete material {}: {}", storePath, e.toString());
        }
    }

    private void pruneEmptyParents(Path dir) throws IOException {
        while (dir != null && dir.startsWith(root) && !dir.equals(root)) {
            try (var s = Files.list(dir)) {
                if (s.findAny().isPresent()) {
                    return;
                }
            }
            Files.deleteIfExists(dir);
            dir = dir.getParent();
        }
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
