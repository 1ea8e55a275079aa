package io.streamis.config.definition;

/**
 * One row of the key catalogue ({@code linkis_stream_job_config_def}); {@code name} is the 0.3.x (Chinese) label,
 * {@code enName} the English one.
 */
public record ConfigDefinition(long id, String key, String name, String type, int sort, String description,
                               String validateType, String validateRule, String style, boolean visiable, int level,
                               String unit, String defaultValue, String refValues, Long parentRef, boolean required,
                               boolean temp, String enName) {

    public boolean isGroup() {
        return level == 0;
    }

    public boolean hasDefault() {
        return defaultValue != null && !defaultValue.isBlank();
    }

    public java.util.List<String> options() {
        if (refValues == null || refValues.isBlank()) {
            return java.util.List.of();
        }
        return java.util.Arrays.stream(refValues.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
