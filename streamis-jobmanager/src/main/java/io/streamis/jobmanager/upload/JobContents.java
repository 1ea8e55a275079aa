package io.streamis.jobmanager.upload;

import io.streamis.common.error.StreamisException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Rules of {@code jobContent} per job type, and the files it refers to.
 * flink.sql: {@code {type: sql, sql}} or {@code {type: file, file}}. flink.jar: {@code main.class.jar},
 * {@code main.class}, {@code args} (array), {@code dependency.jars}, {@code resources}, {@code hdfs.jars} (arrays).
 */
public final class JobContents {

    public static final String FLINK_SQL = "flink.sql";
    public static final String FLINK_JAR = "flink.jar";
    public static final List<String> SUPPORTED_TYPES = List.of(FLINK_SQL, FLINK_JAR);

    private JobContents() {
    }

    /** Validates the content's shape and returns the names of the files it needs. */
    public static List<String> validate(String jobType, Map<String, Object> content) {
        if (content == null || content.isEmpty()) {
            throw StreamisException.validation("content.required",
                    "jobContent is required and must be a non-empty object");
        }
        return switch (jobType) {
            case FLINK_SQL -> sqlFiles(content);
            case FLINK_JAR -> jarFiles(content);
            default -> throw StreamisException.validation("content.job-type", "jobType '" + jobType
                    + "' is not supported (supported: " + String.join(", ", SUPPORTED_TYPES) + ")", jobType,
                    String.join(", ", SUPPORTED_TYPES));
        };
    }

    private static List<String> sqlFiles(Map<String, Object> content) {
        Object type = content.get("type");
        if ("sql".equals(type)) {
            if (!(content.get("sql") instanceof String s) || s.isBlank()) {
                throw StreamisException.validation("content.sql",
                        "jobContent.sql must be non-blank SQL text when type is sql");
            }
            return List.of();
        }
        if ("file".equals(type)) {
            return List.of(requireString(content, "file"));
        }
        throw StreamisException.validation("content.sql-type",
                "jobContent.type of a flink.sql job must be 'sql' or 'file'");
    }

    private static List<String> jarFiles(Map<String, Object> content) {
        List<String> files = new ArrayList<>();
        files.add(requireString(content, "main.class.jar"));
        requireString(content, "main.class");
        stringList(content, "args");
        stringList(content, "hdfs.jars");
        files.addAll(stringList(content, "dependency.jars"));
        files.addAll(stringList(content, "resources"));
        return files;
    }

    static String requireString(Map<String, Object> content, String key) {
        if (!(content.get(key) instanceof String s) || s.isBlank()) {
            throw StreamisException.validation("content.string", "jobContent." + key
                    + " is required and must be a non-blank string", key);
        }
        return s;
    }

    /** Reads an optional array of strings; a plain string is refused rather than silently ignored. */
    public static List<String> stringList(Map<String, Object> content, String key) {
        Object v = content.get(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> list) || list.stream().anyMatch(e -> !(e instanceof String))) {
            throw StreamisException.validation("content.string-list", "jobContent." + key
                    + " must be a JSON array of strings", key);
        }
        return list.stream().map(String.class::cast).toList();
    }
}
