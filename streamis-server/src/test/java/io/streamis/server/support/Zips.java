package io.streamis.server.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds job zips in memory for tests. */
public final class Zips {

    private final Map<String, byte[]> entries = new LinkedHashMap<>();

    public static Zips zip() {
        return new Zips();
    }

    public Zips add(String name, String content) {
        entries.put(name, content.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    public Zips add(String name, byte[] content) {
        entries.put(name, content);
        return this;
    }

    /** Adds an entry that ends in '/' (a directory). */
    public Zips dir(String name) {
        entries.put(name.endsWith("/") ? name : name + "/", null);
        return this;
    }

    public byte[] bytes() {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (ZipOutputStream zos = new ZipOutputStream(bos)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zos.putNextEntry(new ZipEntry(e.getKey()));
                if (e.getValue() != null) {
                    zos.write(e.getValue());
                }
                zos.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bos.toByteArray();
    }

    /** A meta.json for a flink.sql job with inline SQL and the given produce group entries. */
    public static String sqlMeta(String project, String job, String sql, String extraConfig) {
        return """
                {"projectName":"%s","jobName":"%s","jobType":"flink.sql","tags":"t1,t2","description":"d",
                 "comment":"first","jobContent":{"type":"sql","sql":%s},
                 "jobConfig":{"wds.linkis.flink.resource":{"wds.linkis.flink.app.parallelism":"1"},
                              "wds.linkis.flink.custom":{"table.exec.state.ttl":"1h"},
                              "wds.linkis.flink.produce":{%s}}}
                """.formatted(project, job, quote(sql), extraConfig == null ? "" : extraConfig);
    }

    public static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
