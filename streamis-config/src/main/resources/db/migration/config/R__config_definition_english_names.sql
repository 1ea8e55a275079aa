-- English names of the config definitions (repeatable: runs after the versioned migrations and again whenever
-- this file changes; a definition added by a later migration gets its line here).
UPDATE linkis_stream_job_config_def SET en_name = 'Resources' WHERE id = 1;
UPDATE linkis_stream_job_config_def SET en_name = 'Parallelism' WHERE id = 2;
UPDATE linkis_stream_job_config_def SET en_name = 'JobManager memory (M)' WHERE id = 3;
UPDATE linkis_stream_job_config_def SET en_name = 'TaskManager memory (M)' WHERE id = 4;
UPDATE linkis_stream_job_config_def SET en_name = 'TaskManager slots' WHERE id = 5;
UPDATE linkis_stream_job_config_def SET en_name = 'TaskManager CPUs' WHERE id = 6;
UPDATE linkis_stream_job_config_def SET en_name = 'YARN queue' WHERE id = 34;
UPDATE linkis_stream_job_config_def SET en_name = 'Flink parameters' WHERE id = 7;
UPDATE linkis_stream_job_config_def SET en_name = 'Production' WHERE id = 8;
UPDATE linkis_stream_job_config_def SET en_name = 'Checkpoint switch' WHERE id = 9;
UPDATE linkis_stream_job_config_def SET en_name = 'Checkpoint interval (ms)' WHERE id = 39;
UPDATE linkis_stream_job_config_def SET en_name = 'Savepoint path (only to restore a job)' WHERE id = 10;
UPDATE linkis_stream_job_config_def SET en_name = 'Users alerted on failure' WHERE id = 16;
UPDATE linkis_stream_job_config_def SET en_name = 'Restart the job when it fails' WHERE id = 35;
UPDATE linkis_stream_job_config_def SET en_name = 'Restore state at start' WHERE id = 36;
UPDATE linkis_stream_job_config_def SET en_name = 'Permissions' WHERE id = 32;
UPDATE linkis_stream_job_config_def SET en_name = 'Visible to' WHERE id = 33;
UPDATE linkis_stream_job_config_def SET en_name = 'Cluster' WHERE id = 1101;
UPDATE linkis_stream_job_config_def SET en_name = 'Alert rules' WHERE id = 12;
UPDATE linkis_stream_job_config_def SET en_name = 'Users alerted' WHERE id = 13;
UPDATE linkis_stream_job_config_def SET en_name = 'Alert level' WHERE id = 14;
UPDATE linkis_stream_job_config_def SET en_name = 'Failure alert level' WHERE id = 15;
UPDATE linkis_stream_job_config_def SET en_name = 'Alert after restarts within the window' WHERE id = 1331;
UPDATE linkis_stream_job_config_def SET en_name = 'Restart window (minutes)' WHERE id = 1332;
UPDATE linkis_stream_job_config_def SET en_name = 'Alert when no checkpoint succeeded for (minutes)' WHERE id = 1333;
UPDATE linkis_stream_job_config_def SET en_name = 'Alert after consecutive checkpoint failures' WHERE id = 1334;
