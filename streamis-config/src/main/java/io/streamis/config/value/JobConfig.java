package io.streamis.config.value;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A job's configuration: group key -> (key -> value). Immutable; values are always strings. */
public record JobConfig(Map<String, Map<String, String>> groups) {

    public JobConfig {
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        groups.forEach((g, kv) -> copy.put(g, Collections.unmodifiableMap(new LinkedHashMap<>(kv))));
        groups = Collections.unmodifiableMap(copy);
    }

    public static JobConfig empty() {
        return new JobConfig(Map.of());
    }

    /** Looks a key up in any group (keys are unique across groups). */
    public Optional<String> get(String key) {
        for (Map<String, String> kv : groups.values()) {
            String v = kv.get(key);
            if (v != null) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    public boolean isOn(String key) {
        return get(key).map(v -> v.trim().equalsIgnoreCase("ON")).orElse(false);
    }

    public Map<String, String> group(String key) {
        return groups.getOrDefault(key, Map.of());
    }

    /** Deep merge: this config's values override {@code base} key by key (template under job). */
    public JobConfig over(JobConfig base) {
        Map<String, Map<String, String>> merged = new LinkedHashMap<>();
        base.groups.forEach((g, kv) -> merged.put(g, new LinkedHashMap<>(kv)));
        groups.forEach((g, kv) -> merged.computeIfAbsent(g, k -> new LinkedHashMap<>()).putAll(kv));
        return new JobConfig(merged);
    }

    /** A copy without one key (used to drop one-shot values). */
    public JobConfig without(String key) {
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        groups.forEach((g, kv) -> {
            Map<String, String> m = new LinkedHashMap<>(kv);
            m.remove(key);
            copy.put(g, m);
        });
        return new JobConfig(copy);
    }
}
