package io.streamis.server.identity;

import io.streamis.common.error.ErrorCode;
import io.streamis.common.error.StreamisException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Writes the generated admin password to a new file only its owner can read (0600). */
final class AdminPasswordFile {

    private AdminPasswordFile() {
    }

    /**
     * Creates {@code file} with owner-only permissions from the start (never readable by others, not even for a
     * moment) and writes the password. An existing file is replaced: it belongs to an earlier first start whose
     * database is gone, and its password is useless.
     */
    static Path write(Path file, String password) {
        Path target = file.toAbsolutePath().normalize();
        try {
            Files.createDirectories(target.getParent());
            Files.deleteIfExists(target);
            boolean posix = target.getFileSystem().supportedFileAttributeViews().contains("posix");
            if (posix) {
                Files.createFile(target, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(target);
            }
            try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.TRUNCATE_EXISTING)) {
                out.write(("admin password (generated on first start): " + password + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            return target;
        } catch (FileAlreadyExistsException e) {
            throw new StreamisException(ErrorCode.INTERNAL, "Another process created " + target + " meanwhile", e);
        } catch (IOException e) {
            throw new StreamisException(ErrorCode.INTERNAL, "Cannot write the generated admin password to "
                    + target + ": " + e.getMessage() + " (set STREAMIS_ADMIN_PASSWORD instead)", e);
        }
    }
}
