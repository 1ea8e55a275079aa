package io.streamis.config;

/** Names of the configuration keys the platform itself reads. */
public final class ConfigKeys {

    public static final String GROUP_RESOURCE = "wds.linkis.flink.resource";
    public static final String GROUP_CUSTOM = "wds.linkis.flink.custom";
    public static final String GROUP_PRODUCE = "wds.linkis.flink.produce";
    public static final String GROUP_AUTHORITY = "wds.linkis.flink.authority";

    public static final String PARALLELISM = "wds.linkis.flink.app.parallelism";
    public static final String CHECKPOINT_SWITCH = "wds.linkis.flink.checkpoint.switch";
    public static final String CHECKPOINT_INTERVAL = "wds.linkis.flink.checkpoint.interval";
    public static final String SAVEPOINT_PATH = "wds.linkis.flink.savepoint.path";
    public static final String FAIL_RESTART_SWITCH = "wds.linkis.flink.app.fail-restart.switch";
    public static final String AUTO_RESTORE_SWITCH = "wds.linkis.flink.app.start-auto-restore.switch";
    public static final String ALERT_FAILURE_USER = "wds.linkis.flink.alert.failure.user";
    public static final String AUTHORITY_VISIBLE = "wds.linkis.flink.authority.visible";

    private ConfigKeys() {
    }
}
