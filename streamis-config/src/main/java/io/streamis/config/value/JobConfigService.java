package io.streamis.config.value;

import io.streamis.common.error.ErrorCode;
import io.streamis.common.error.StreamisException;
import io.streamis.common.error.Text;
import io.streamis.config.ConfigKeys;
import io.streamis.config.definition.ConfigCatalog;
import io.streamis.config.definition.ConfigDefinition;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Normalises, validates and stores job configuration against the key catalogue.
 * Rules (the seed 000 §3 "默认参数会自动填充，非定义参数直接过滤，例如Flink自定义参数是不做校验的", plus
 * server-side validation upstream never did): unknown groups are dropped, keys defined under another group are
 * dropped, undefined keys are dropped in every group except the custom Flink group ({@code wds.linkis.flink.custom},
 * free-form and never validated), defined keys are validated against type, regex and options, and defaults are
 * filled. Everything dropped is reported ({@link NormalizedConfig#dropped()}).
 */
@Service
public class JobConfigService {

    private final ConfigCatalog catalog;
    private final ConfigValueMapper mapper;

    public JobConfigService(ConfigCatalog catalog, ConfigValueMapper mapper) {
        this.catalog = catalog;
        this.mapper = mapper;
    }

    /** Validates raw input (values may be any JSON scalar) and fills defaults. Throws naming every broken rule. */
    public JobConfig normalize(Map<String, ?> raw) {
        return normalizeReporting(raw).config();
    }

    /** As {@link #normalize}, and lists the groups and keys that were dropped. */
    public NormalizedConfig normalizeReporting(Map<String, ?> raw) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        List<Text> problems = new ArrayList<>();
        List<NormalizedConfig.Dropped> dropped = new ArrayList<>();
        if (raw != null) {
            raw.keySet().stream().filter(g -> catalog.group(g).isEmpty()).forEach(g -> dropped.add(
                    new NormalizedConfig.Dropped(g, null, NormalizedConfig.Dropped.UNKNOWN_GROUP)));
        }
        for (ConfigDefinition group : catalog.groups()) {
            Object groupValue = raw == null ? null : raw.get(group.key());
            Map<String, String> values = new LinkedHashMap<>();
            if (groupValue instanceof Map<?, ?> m) {
                m.forEach((k, v) -> accept(group, String.valueOf(k), v, values, problems, dropped));
            } else if (groupValue != null) {
                problems.add(Text.of("VALIDATION.config.group-not-object",
                        group.key() + ": must be an object of key/value pairs", group.key()));
            }
            for (ConfigDefinition child : catalog.children(group)) {
                if (!values.containsKey(child.key()) && child.hasDefault()) {
                    values.put(child.key(), child.defaultValue());
                }
                if (child.required() && values.getOrDefault(child.key(), "").isBlank()) {
                    problems.add(Text.of("VALIDATION.config.required", child.key() + ": is required", child.key()));
                }
            }
            out.put(group.key(), values);
        }
        if (!problems.isEmpty()) {
            String all = String.join("; ", problems.stream().map(Text::english).toList());
            if (problems.size() == 1) {
                // One broken rule (the usual case of a form): its own key, so it reads whole in the reader's language.
                Text p = problems.get(0);
                String detail = p.key().substring(ErrorCode.VALIDATION.name().length() + 1);
                throw new StreamisException(ErrorCode.VALIDATION, detail, "Invalid job config: " + all,
                        p.args().toArray());
            }
            throw StreamisException.validation("config.invalid", "Invalid job config: " + all, problems.size(), all);
        }
        return new NormalizedConfig(new JobConfig(out), dropped);
    }

    private void accept(ConfigDefinition group, String key, Object rawValue, Map<String, String> values,
                        List<Text> problems, List<NormalizedConfig.Dropped> dropped) {
        if (rawValue == null) {
            return;
        }
        if (rawValue instanceof Map<?, ?> || rawValue instanceof Collection<?>) {
            problems.add(Text.of("VALIDATION.config.not-scalar", key + ": value must be a string, number or boolean",
                    key));
            return;
        }
        String value = String.valueOf(rawValue);
        if (key.isBlank()) {
            problems.add(Text.of("VALIDATION.config.blank-key", group.key() + ": keys must not be blank", group.key()));
            return;
        }
        ConfigDefinition def = catalog.byKey(key).orElse(null);
        boolean custom = ConfigKeys.GROUP_CUSTOM.equals(group.key());
        if (def == null) {
            if (custom) {
                values.put(key, value);
            } else {
                dropped.add(new NormalizedConfig.Dropped(group.key(), key, NormalizedConfig.Dropped.NOT_DEFINED));
            }
            return;
        }
        if (def.isGroup() || !Long.valueOf(group.id()).equals(def.parentRef())) {
            dropped.add(new NormalizedConfig.Dropped(group.key(), key, NormalizedConfig.Dropped.OTHER_GROUP));
            return;
        }
        validate(def, value).ifPresent(problems::add);
        values.put(key, value);
    }

    /** Checks one value against its definition; blank values are left to the required check. */
    static Optional<Text> validate(ConfigDefinition def, String value) {
        if (value.isBlank()) {
            return Optional.empty();
        }
        String v = value.trim();
        if ("NUMBER".equalsIgnoreCase(def.type()) && !v.matches("-?\\d+")) {
            return Optional.of(Text.of("VALIDATION.config.not-number",
                    def.key() + ": '" + value + "' is not a whole number", def.key(), value));
        }
        if ("SELECT".equalsIgnoreCase(def.type()) && !def.options().isEmpty() && !def.options().contains(v)) {
            return Optional.of(Text.of("VALIDATION.config.not-an-option", def.key() + ": '" + value + "' is not one of "
                    + def.options(), def.key(), value, def.options()));
        }
        if ("Regex".equalsIgnoreCase(def.validateType()) && def.validateRule() != null
                && !def.validateRule().isBlank()) {
            try {
                if (!Pattern.compile(def.validateRule()).matcher(v).matches()) {
                    return Optional.of(Text.of("VALIDATION.config.rule",
                            def.key() + ": '" + value + "' does not match rule " + def.validateRule(), def.key(),
                            value, def.validateRule()));
                }
            } catch (PatternSyntaxException e) {
                return Optional.of(Text.of("VALIDATION.config.bad-rule", def.key() + ": its rule is not a valid regex",
                        def.key()));
            }
        }
        return Optional.empty();
    }

    /**
     * Replaces the whole stored config of a job (call inside the caller's transaction). On its own, READ COMMITTED:
     * the delete then insert takes no gap locks, so saves of neighbouring jobs cannot deadlock (see ImportSupport).
     */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public void replace(long jobId, String jobName, JobConfig config) {
        mapper.deleteByJob(jobId);
        config.groups().forEach((groupKey, kv) -> {
            ConfigDefinition group = catalog.group(groupKey).orElseThrow(
                    () -> StreamisException.validation("config.unknown-group", "Unknown config group " + groupKey,
                            groupKey));
            kv.forEach((k, v) -> {
                Long refId = catalog.byKey(k).map(ConfigDefinition::id).orElse(group.id());
                mapper.insert(new ConfigValueMapper.Row(jobId, jobName, k, v, refId));
            });
        });
    }

    /** The stored config, rebuilt as nested groups (only root groups). */
    public JobConfig load(long jobId) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (ConfigDefinition g : catalog.groups()) {
            out.put(g.key(), new LinkedHashMap<>());
        }
        for (ConfigValueMapper.Row row : mapper.selectByJob(jobId)) {
            ConfigDefinition def = row.refDefId() == null ? null : catalog.byId(row.refDefId()).orElse(null);
            while (def != null && !def.isGroup() && def.parentRef() != null) {
                def = catalog.byId(def.parentRef()).orElse(null);
            }
            if (def != null && def.isGroup()) {
                out.get(def.key()).put(row.key(), row.value() == null ? "" : row.value());
            }
        }
        return new JobConfig(out);
    }

    /** Drops one-shot values (definitions with {@code is_temp}) after they were used by a successful start. */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public void clearOneShotValues(long jobId) {
        for (ConfigDefinition g : catalog.groups()) {
            for (ConfigDefinition d : catalog.children(g)) {
                if (d.temp()) {
                    mapper.deleteKey(jobId, d.key());
                }
            }
        }
    }

    /** Copies another job's stored config onto a job, replacing its own. */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public JobConfig copy(long fromJobId, long toJobId, String toJobName) {
        JobConfig source = load(fromJobId).without(ConfigKeys.SAVEPOINT_PATH);
        replace(toJobId, toJobName, source);
        return source;
    }
}
