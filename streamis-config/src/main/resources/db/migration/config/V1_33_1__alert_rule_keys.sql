-- Alert rules per job (the 0.3.x `wds.linkis.flink.alert.*` keys). 0.3.x seeded ids 11-15 as orphan rows nobody
-- read; here they are children of the produce group, where 0.3.x already put the failure-alert user (id 16) and
-- where existing meta.json files carry `wds.linkis.flink.alert.level`. None is required, so nothing is written
-- for a job that does not set them: the alert decider reads the defaults below from this catalogue.
-- Rules without backslashes (portable between H2 and MySQL/MariaDB string literals, see V1_11_1).
INSERT INTO linkis_stream_job_config_def (id, `key`, name, type, sort, description, validate_type, validate_rule, visiable, level, unit, default_value, ref_values, parent_ref, required, is_temp) VALUES
 (12, 'wds.linkis.flink.alert.rule', '告警规则', 'INPUT', 11, 'Alert rules on (comma list): JOB_FAILED, RESTART_BUDGET_SPENT, RESTARTS_IN_WINDOW, CHECKPOINT_STALE, CHECKPOINT_FAILURES, JOB_LOST', 'Regex', '^ *[A-Z_]+( *, *[A-Z_]+)* *$', 1, 1, NULL, 'JOB_FAILED,RESTART_BUDGET_SPENT,RESTARTS_IN_WINDOW,CHECKPOINT_STALE,CHECKPOINT_FAILURES,JOB_LOST', NULL, 8, 0, 0),
 (13, 'wds.linkis.flink.alert.user', '告警用户', 'INPUT', 12, 'Users notified by every alert rule (comma list)', 'None', NULL, 1, 1, NULL, '', NULL, 8, 0, 0),
 (14, 'wds.linkis.flink.alert.level', '告警级别', 'SELECT', 13, 'Level of the alerts besides failures', 'None', NULL, 1, 1, NULL, 'MINOR', 'CRITICAL,MAJOR,MINOR,WARNING,INFO', 8, 0, 0),
 (15, 'wds.linkis.flink.alert.failure.level', '失败告警级别', 'SELECT', 14, 'Level of failure, lost and restart-budget alerts', 'None', NULL, 1, 1, NULL, 'CRITICAL', 'CRITICAL,MAJOR,MINOR,WARNING,INFO', 8, 0, 0),
 (1331, 'wds.linkis.flink.alert.restart.count', '窗口内重启告警次数', 'NUMBER', 15, 'Alert when the job restarted this many times within the window', 'Regex', '^[1-9][0-9]{0,2}$', 1, 1, NULL, '3', NULL, 8, 0, 0),
 (1332, 'wds.linkis.flink.alert.restart.window', '重启统计窗口(分钟)', 'NUMBER', 16, 'Window of the restart count, in minutes', 'Regex', '^[1-9][0-9]{0,4}$', 1, 1, 'min', '30', NULL, 8, 0, 0),
 (1333, 'wds.linkis.flink.alert.checkpoint.max-age', '无成功Checkpoint告警(分钟)', 'NUMBER', 17, 'Alert when no checkpoint completed for this many minutes (checkpoint switch ON)', 'Regex', '^[1-9][0-9]{0,4}$', 1, 1, 'min', '30', NULL, 8, 0, 0),
 (1334, 'wds.linkis.flink.alert.checkpoint.failures', '连续Checkpoint失败告警次数', 'NUMBER', 18, 'Alert when this many checkpoints failed in a row', 'Regex', '^[1-9][0-9]{0,2}$', 1, 1, NULL, '3', NULL, 8, 0, 0);
