-- The seeded rules must read the same on H2 and MySQL/MariaDB. MySQL string literals treat a backslash as an
-- escape, so V1_0_1's '\d' arrived there as 'd' (and '2048' failed '^([1-9]d{0,4}|100000)$'). The rules are
-- rewritten without backslashes; this also repairs databases that already ran V1_0_1.
UPDATE linkis_stream_job_config_def SET validate_rule = '^([1-9][0-9]{0,1}|100)$' WHERE id IN (2, 5, 6);
UPDATE linkis_stream_job_config_def SET validate_rule = '^([1-9][0-9]{0,4}|100000)$' WHERE id IN (3, 4);
UPDATE linkis_stream_job_config_def SET validate_rule = '^[1-9][0-9]{2,8}$' WHERE id = 39;

-- Defaults exactly as the seed's table (000 §3): start-auto-restore is OFF. State stays safe another way: the
-- start inspection reports existing restore points and offers the newest one (see docs/meta-json.md).
UPDATE linkis_stream_job_config_def SET default_value = 'OFF' WHERE id = 36;

-- Undefined keys are now dropped outside the custom Flink group (seed 000 §3), so the platform's own per-job
-- cluster choice, read from the produce group, becomes a defined key.
INSERT INTO linkis_stream_job_config_def (id, `key`, name, type, sort, description, validate_type, validate_rule, visiable, level, unit, default_value, ref_values, parent_ref, required, is_temp) VALUES
 (1101, 'wds.streamis.flink.cluster', '运行集群', 'SELECT', 8, 'Flink cluster the job runs on from its next start (options: the configured clusters; empty = the default)', 'None', NULL, 1, 1, NULL, NULL, NULL, 8, 0, 0);
