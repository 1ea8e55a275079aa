package io.streamis.jobmanager.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamis.common.error.StreamisException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZipExtractorTest {

    @TempDir
    Path dir;

    private static byte[] zip(String... namesAndContents) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bos)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                z.putNextEntry(new ZipEntry(namesAndContents[i]));
                z.write(namesAndContents[i + 1].getBytes());
                z.closeEntry();
            }
        }
        return bos.toByteArray();
    }

    @Test
    void extractsRootFilesInOrder() throws IOException {
        Map<String, Path> files = new ZipExtractor(10, 1000).extract(
                new ByteArrayInputStream(zip("meta.json", "{}", "a.sql", "select 1")), dir);
        assertThat(files).containsOnlyKeys("meta.json", "a.sql");
        assertThat(Files.readString(files.get("a.sql"))).isEqualTo("select 1");
    }

    @Test
    void countsUnpackedBytesWhileStreamingNotFromHeaders() throws IOException {
        String big = "x".repeat(5000);
        assertThatThrownBy(() -> new ZipExtractor(10, 1000).extract(new ByteArrayInputStream(zip("a.txt", big)), dir))
                .isInstanceOf(StreamisException.class).hasMessageContaining("unpacks to more than 1000 bytes");
    }

    @Test
    void refusesParentPathsAndNestedEntries() throws IOException {
        assertThatThrownBy(() -> new ZipExtractor(10, 1000).extract(
                new ByteArrayInputStream(zip("..\\x.txt", "a")), dir)).hasMessageContaining("absolute or parent");
        assertThatThrownBy(() -> new ZipExtractor(10, 1000).extract(
                new ByteArrayInputStream(zip("lib/a.jar", "a")), dir)).hasMessageContaining("inside one");
        assertThat(Files.exists(dir.resolve("..").resolve("x.txt"))).isFalse();
    }

    @Test
    void refusesNonZipBytes() {
        assertThatThrownBy(() -> new ZipExtractor(10, 1000).extract(new ByteArrayInputStream(new byte[]{1, 2, 3}), dir))
                .hasMessageContaining("not a zip");
    }
}
