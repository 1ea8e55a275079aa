-- The leader asks every cycle which of the live YARN applications' Flink job ids a run still claims.
CREATE INDEX idx_task_flink_job ON linkis_stream_task (linkis_job_id);
