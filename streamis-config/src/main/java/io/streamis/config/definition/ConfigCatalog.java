package io.streamis.config.definition;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The key catalogue as a tree; definitions never change at runtime, so it is loaded once. */
@Component
public class ConfigCatalog {

    private final ConfigDefinitionMapper mapper;
    private final List<DefinitionOverrides> overrides;
    private volatile Snapshot snapshot;

    public ConfigCatalog(ConfigDefinitionMapper mapper, List<DefinitionOverrides> overrides) {
        this.mapper = mapper;
        this.overrides = overrides;
    }

    /** Root groups in display order. */
    public List<ConfigDefinition> groups() {
        return snapshot().groups;
    }

    public List<ConfigDefinition> children(ConfigDefinition group) {
        return snapshot().children.getOrDefault(group.id(), List.of());
    }

    public Optional<ConfigDefinition> group(String key) {
        return snapshot().groups.stream().filter(g -> g.key().equals(key)).findFirst();
    }

    public Optional<ConfigDefinition> byKey(String key) {
        return Optional.ofNullable(snapshot().byKey.get(key));
    }

    public Optional<ConfigDefinition> byId(long id) {
        return Optional.ofNullable(snapshot().byId.get(id));
    }

    private Snapshot snapshot() {
        Snapshot s = snapshot;
        if (s == null) {
            s = load();
            snapshot = s;
        }
        return s;
    }

    private Snapshot load() {
        List<ConfigDefinition> all = mapper.selectAll();
        Map<String, ConfigDefinition> byKey = new LinkedHashMap<>();
        Map<Long, ConfigDefinition> byId = new LinkedHashMap<>();
        Map<Long, List<ConfigDefinition>> children = new LinkedHashMap<>();
        List<ConfigDefinition> groups = new ArrayList<>();
        Map<String, DefinitionOverrides.KeyOptions> runtime = new LinkedHashMap<>();
        overrides.forEach(o -> runtime.putAll(o.overrides()));
        for (ConfigDefinition def : all) {
            ConfigDefinition d = apply(def, runtime.get(def.key()));
            byKey.put(d.key(), d);
            byId.put(d.id(), d);
            if (d.isGroup()) {
                groups.add(d);
            } else if (d.parentRef() != null) {
                children.computeIfAbsent(d.parentRef(), k -> new ArrayList<>()).add(d);
            }
        }
        children.values().forEach(l -> l.sort(Comparator.comparingInt(ConfigDefinition::sort)));
        return new Snapshot(List.copyOf(groups), byKey, byId, children);
    }

    private static ConfigDefinition apply(ConfigDefinition d, DefinitionOverrides.KeyOptions o) {
        if (o == null) {
            return d;
        }
        return new ConfigDefinition(d.id(), d.key(), d.name(), d.type(), d.sort(), d.description(), d.validateType(),
                d.validateRule(), d.style(), d.visiable(), d.level(), d.unit(), o.defaultValue(),
                String.join(",", o.options()), d.parentRef(), d.required(), d.temp(), d.enName());
    }

    private record Snapshot(List<ConfigDefinition> groups, Map<String, ConfigDefinition> byKey,
                            Map<Long, ConfigDefinition> byId, Map<Long, List<ConfigDefinition>> children) {
    }
}
