-- The cluster a job runs on, chosen in the config form. Its options are the clusters the server has configured
-- (filled in at runtime, see DefinitionOverrides); empty means the server's default cluster.
INSERT INTO linkis_stream_job_config_def (id, `key`, name, type, sort, description, validate_type, validate_rule, visiable, level, unit, default_value, ref_values, parent_ref, required, is_temp) VALUES
 (40, 'wds.streamis.flink.cluster', '运行集群', 'SELECT', 9, 'Flink cluster the job runs on (next start)', 'None', NULL, 1, 1, NULL, NULL, NULL, 8, 0, 0);
