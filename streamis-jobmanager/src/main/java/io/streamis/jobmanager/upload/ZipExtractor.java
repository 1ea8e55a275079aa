package io.streamis.jobmanager.upload;

import io.streamis.common.error.StreamisException;
import io.streamis.common.validation.Names;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Unpacks a job zip into a staging directory, refusing anything unsafe before it touches the disk:
 * non-zips, empty zips, directories, absolute or {@code ../} names, unsafe names, duplicates, and zip bombs
 * (entry count and total unpacked bytes are counted while streaming, not trusted from headers).
 */
public final class ZipExtractor {

    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

    private final int maxEntries;
    private final long maxUnpackedBytes;

    public ZipExtractor(int maxEntries, long maxUnpackedBytes) {
        this.maxEntries = maxEntries;
        this.maxUnpackedBytes = maxUnpackedBytes;
    }

    /** Returns file name -> unpacked path, in zip order. The caller owns (and deletes) {@code target}. */
    public Map<String, Path> extract(InputStream zip, Path target) throws IOException {
        BufferedInputStream in = new BufferedInputStream(zip);
        in.mark(4);
        byte[] head = in.readNBytes(4);
        in.reset();
        if (head.length < 4 || !Arrays.equals(head, ZIP_MAGIC)) {
            throw StreamisException.validation("upload.not-zip", "The upload is not a zip file (or it is an empty zip)");
        }
        Files.createDirectories(target);
        Map<String, Path> files = new LinkedHashMap<>();
        long total = 0;
        try (ZipInputStream zin = new ZipInputStream(in)) {
            ZipEntry entry;
            while ((entry = zin.getNextEntry()) != null) {
                String name = entry.getName();
                checkName(entry, name);
                if (files.containsKey(name)) {
                    throw StreamisException.validation("upload.twice", "The zip holds '" + name + "' twice", name);
                }
                if (files.size() + 1 > maxEntries) {
                    throw StreamisException.validation("upload.too-many-entries",
                            "The zip holds more than " + maxEntries + " entries", maxEntries);
                }
                Path out = target.resolve(name);
                try (OutputStream os = Files.newOutputStream(out)) {
                    byte[] buf = new byte[64 * 1024];
                    int n;
                    while ((n = zin.read(buf)) > 0) {
                        total += n;
                        if (total > maxUnpackedBytes) {
                            throw StreamisException.validation("upload.too-large-unpacked",
                                    "The zip unpacks to more than " + maxUnpackedBytes
                                    + " bytes (limit streamis.jobmanager.upload.max-unpacked-size)", maxUnpackedBytes);
                        }
                        os.write(buf, 0, n);
                    }
                }
                files.put(name, out);
            }
        } catch (ZipException e) {
            throw StreamisException.validation("upload.unreadable-zip",
                    "The upload is not a readable zip file: " + e.getMessage());
        }
        if (files.isEmpty()) {
            throw StreamisException.validation("upload.empty-zip", "The zip is empty");
        }
        return files;
    }

    private static void checkName(ZipEntry entry, String name) {
        if (entry.isDirectory() || name.contains("/") || name.contains("\\")) {
            if (name.startsWith("/") || name.contains("..") || name.matches("^[A-Za-z]:.*")) {
                throw StreamisException.validation("upload.entry-path", "Zip entry '" + name
                        + "' has an absolute or parent path; entries must be plain file names", name);
            }
            throw StreamisException.validation("upload.entry-directory", "Zip entry '" + name
                    + "' is a directory or inside one; put every file at the root of the zip", name);
        }
        try {
            Names.require("Zip entry name", name);
        } catch (StreamisException e) {
            throw StreamisException.validation("upload.entry-name", "Zip entry '" + name
                    + "' must match ^[A-Za-z0-9._-]+$", name);
        }
    }
}
