package io.streamis.jobmanager.alert;

import io.streamis.config.ConfigKeys;
import io.streamis.config.definition.ConfigCatalog;
import io.streamis.config.value.JobConfig;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * One job's alert rules, read from its {@code wds.linkis.flink.alert.*} keys with the catalogue's defaults for
 * the keys it does not set.
 *
 * @param users everyone notified: the failure-alert users, the alert users (without 0.3.x's service accounts)
 */
public record AlertSettings(Set<AlertRule> rules, Set<String> users, AlertLevel level, AlertLevel failureLevel,
                            int restartCount, Duration restartWindow, Duration checkpointMaxAge,
                            int checkpointFailures, boolean checkpointing) {

    public static final String RULES = "wds.linkis.flink.alert.rule";
    public static final String USERS = "wds.linkis.flink.alert.user";
    public static final String LEVEL = "wds.linkis.flink.alert.level";
    public static final String FAILURE_LEVEL = "wds.linkis.flink.alert.failure.level";
    public static final String RESTART_COUNT = "wds.linkis.flink.alert.restart.count";
    public static final String RESTART_WINDOW = "wds.linkis.flink.alert.restart.window";
    public static final String CHECKPOINT_MAX_AGE = "wds.linkis.flink.alert.checkpoint.max-age";
    public static final String CHECKPOINT_FAILURES = "wds.linkis.flink.alert.checkpoint.failures";

    public boolean on(AlertRule rule) {
        return rules.contains(rule);
    }

    public AlertLevel levelOf(AlertRule rule) {
        return rule.failure() ? failureLevel : level;
    }

    public static AlertSettings of(JobConfig config, ConfigCatalog catalog, String submitter) {
        Reader r = new Reader(config, catalog);
        Set<AlertRule> rules = EnumSet.noneOf(AlertRule.class);
        for (String name : r.list(RULES)) {
            try {
                rules.add(AlertRule.valueOf(name.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                // An unknown rule name is ignored: the config form validates the shape, not the vocabulary.
            }
        }
        Set<String> users = new LinkedHashSet<>();
        users.addAll(r.list(ConfigKeys.ALERT_FAILURE_USER));
        users.addAll(r.list(USERS));
        if (submitter != null) {
            users.add(submitter);
        }
        users.removeIf(u -> u.contains("hduser") || u.equals("hadoop"));
        return new AlertSettings(rules, users, AlertLevel.parse(r.value(LEVEL), AlertLevel.MINOR),
                AlertLevel.parse(r.value(FAILURE_LEVEL), AlertLevel.CRITICAL), r.number(RESTART_COUNT, 3),
                Duration.ofMinutes(r.number(RESTART_WINDOW, 30)), Duration.ofMinutes(r.number(CHECKPOINT_MAX_AGE, 30)),
                r.number(CHECKPOINT_FAILURES, 3), config.isOn(ConfigKeys.CHECKPOINT_SWITCH));
    }

    private record Reader(JobConfig config, ConfigCatalog catalog) {
        String value(String key) {
            return config.get(key).filter(v -> !v.isBlank())
                    .orElseGet(() -> catalog.byKey(key).map(d -> d.defaultValue()).orElse(null));
        }

        Set<String> list(String key) {
            String v = value(key);
            Set<String> out = new LinkedHashSet<>();
            if (v != null) {
                Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(out::add);
            }
            return out;
        }

        int number(String key, int fallback) {
            try {
                int n = Integer.parseInt(value(key).trim());
                return n > 0 ? n : fallback;
            } catch (RuntimeException e) {
                return fallback;
            }
        }
    }
}
