package io.streamis.config.definition;

import java.util.List;
import java.util.Map;

/**
 * Options and defaults of keys that only the running server knows (the configured Flink clusters). Another module
 * provides them; the catalogue applies them when it loads, so the form and the validation see the same options.
 */
public interface DefinitionOverrides {

    /** @return key → its options and default */
    Map<String, KeyOptions> overrides();

    record KeyOptions(List<String> options, String defaultValue) {
    }
}
