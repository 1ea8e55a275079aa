package io.streamis.config.template;

import java.time.LocalDateTime;

/** A project-level job template ({@code <project>-meta.json}): config and content merged under every job. */
public record JobTemplate(long id, String storePath, String name, String metaJson, String version,
                          LocalDateTime date, String projectName, boolean enable) {
}
