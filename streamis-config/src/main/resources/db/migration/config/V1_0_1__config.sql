-- Job configuration: the catalogue of known keys (ids are significant, values reference them) and the values.
CREATE TABLE linkis_stream_job_config_def (
    id            BIGINT       NOT NULL PRIMARY KEY,
    `key`         VARCHAR(100) NOT NULL,
    name          VARCHAR(200),
    type          VARCHAR(50)  NOT NULL DEFAULT 'NONE',
    sort          INT          NOT NULL DEFAULT 0,
    description   VARCHAR(200),
    validate_type VARCHAR(50),
    validate_rule VARCHAR(200),
    style         VARCHAR(200),
    visiable      TINYINT      NOT NULL DEFAULT 1,
    level         TINYINT      NOT NULL DEFAULT 1,
    unit          VARCHAR(25),
    default_value VARCHAR(200),
    ref_values    VARCHAR(200),
    parent_ref    BIGINT,
    required      TINYINT      NOT NULL DEFAULT 0,
    is_temp       TINYINT      NOT NULL DEFAULT 0,
    CONSTRAINT uk_config_def_key UNIQUE (`key`)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE linkis_stream_job_config (
    job_id     BIGINT        NOT NULL,
    job_name   VARCHAR(200),
    `key`      VARCHAR(100)  NOT NULL,
    `value`    VARCHAR(1000),
    ref_def_id BIGINT,
    PRIMARY KEY (job_id, `key`)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE linkis_stream_project_job_template (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    store_path   VARCHAR(500),
    name         VARCHAR(200) NOT NULL,
    meta_json    TEXT         NOT NULL,
    version      VARCHAR(50),
    `date`       TIMESTAMP    DEFAULT CURRENT_TIMESTAMP,
    project_name VARCHAR(100) NOT NULL,
    enable       TINYINT      NOT NULL DEFAULT 1
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Seeded definitions: the seed's table (000 §3), ids as in Streamis 0.3.2.
-- Deviation: start-auto-restore defaults to ON (as the 0.3.2 DML does) because a stateful job must never start
-- empty while a restore point exists unless the user said so; see docs/design/jobs-versions-config.md.
INSERT INTO linkis_stream_job_config_def (id, `key`, name, type, sort, description, validate_type, validate_rule, visiable, level, unit, default_value, ref_values, parent_ref, required, is_temp) VALUES
 (1,  'wds.linkis.flink.resource', '资源配置', 'NONE', 4, 'Resource configuration', 'None', NULL, 1, 0, NULL, NULL, NULL, NULL, 0, 0),
 (2,  'wds.linkis.flink.app.parallelism', 'Parallelism并行度', 'NUMBER', 1, 'Parallelism', 'Regex', '^([1-9]\d{0,1}|100)$', 1, 1, NULL, '4', NULL, 1, 1, 0),
 (3,  'wds.linkis.flink.jobmanager.memory', 'JobManager Memory (M)', 'NUMBER', 2, 'JobManager Memory', 'Regex', '^([1-9]\d{0,4}|100000)$', 1, 1, 'M', '1024', NULL, 1, 1, 0),
 (4,  'wds.linkis.flink.taskmanager.memory', 'TaskManager Memory (M)', 'NUMBER', 3, 'TaskManager Memory', 'Regex', '^([1-9]\d{0,4}|100000)$', 1, 1, 'M', '4096', NULL, 1, 1, 0),
 (5,  'wds.linkis.flink.taskmanager.numberOfTaskSlots', 'TaskManager Slot数量', 'NUMBER', 4, 'TaskManager slots', 'Regex', '^([1-9]\d{0,1}|100)$', 1, 1, NULL, '2', NULL, 1, 1, 0),
 (6,  'wds.linkis.flink.taskmanager.cpus', 'TaskManager CPUs', 'NUMBER', 5, 'TaskManager CPUs', 'Regex', '^([1-9]\d{0,1}|100)$', 1, 1, NULL, '2', NULL, 1, 1, 0),
 (34, 'wds.linkis.rm.yarnqueue', '使用Yarn队列', 'INPUT', 6, 'Yarn queue', 'None', NULL, 1, 1, NULL, '', NULL, 1, 0, 0),
 (7,  'wds.linkis.flink.custom', 'Flink参数', 'NONE', 3, 'Flink parameters (free key/value)', 'None', NULL, 1, 0, NULL, NULL, NULL, NULL, 0, 0),
 (8,  'wds.linkis.flink.produce', '生产配置', 'NONE', 2, 'Production configuration', 'None', NULL, 1, 0, NULL, NULL, NULL, NULL, 0, 0),
 (9,  'wds.linkis.flink.checkpoint.switch', 'Checkpoint开关', 'SELECT', 5, 'Checkpoint switch', 'None', NULL, 1, 1, NULL, 'OFF', 'ON,OFF', 8, 0, 0),
 (39, 'wds.linkis.flink.checkpoint.interval', 'Checkpoint间隔(毫秒)', 'NUMBER', 6, 'Checkpoint interval in milliseconds', 'Regex', '^[1-9]\d{2,8}$', 1, 1, 'ms', NULL, NULL, 8, 0, 0),
 (10, 'wds.linkis.flink.savepoint.path', '快照(Savepoint)文件位置【仅需恢复任务时指定】', 'INPUT', 4, 'One-shot restore path, cleared after a successful start', 'None', NULL, 1, 1, NULL, '', NULL, 8, 0, 1),
 (16, 'wds.linkis.flink.alert.failure.user', '失败时告警用户', 'INPUT', 7, 'Users alerted on failure', 'None', NULL, 1, 1, NULL, '', NULL, 8, 0, 0),
 (35, 'wds.linkis.flink.app.fail-restart.switch', '作业失败自动拉起开关', 'SELECT', 1, 'Restart a failed job from its newest state', 'None', NULL, 1, 1, NULL, 'OFF', 'ON,OFF', 8, 0, 0),
 (36, 'wds.linkis.flink.app.start-auto-restore.switch', '作业启动状态自恢复', 'SELECT', 2, 'Restore from the newest state at start', 'None', NULL, 1, 1, NULL, 'ON', 'ON,OFF', 8, 0, 0),
 (32, 'wds.linkis.flink.authority', '权限设置', 'NONE', 1, 'Permissions', 'None', NULL, 1, 0, NULL, NULL, NULL, NULL, 0, 0),
 (33, 'wds.linkis.flink.authority.visible', '可见人员', 'INPUT', 1, 'Comma-separated users with owner rights', 'None', NULL, 1, 1, NULL, '', NULL, 32, 0, 0);
