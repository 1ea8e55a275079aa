package io.streamis.config.value;

import java.util.List;

/**
 * A job config after normalisation, and what was left out of it (so nothing disappears silently): keys that are
 * not defined (outside the free-form custom Flink group), keys defined under another group, and unknown groups.
 */
public record NormalizedConfig(JobConfig config, List<Dropped> dropped) {

    public NormalizedConfig {
        dropped = List.copyOf(dropped);
    }

    /** One key (or whole group, {@code key} null) that was not kept, and why. JSON keys: group, key, reason. */
    public record Dropped(String group, String key, String reason) {

        public static final String NOT_DEFINED = "not a defined key of this group";
        public static final String OTHER_GROUP = "defined in another group";
        public static final String UNKNOWN_GROUP = "not a config group";
    }
}
