-- When Flink answered the start's launch request. A run's Flink job id is recorded with the intent (before Flink is
-- called), so the id no longer says whether the request is over: until it is, the request decides the start.
ALTER TABLE linkis_stream_task ADD COLUMN launched_at TIMESTAMP NULL;
-- Runs recorded before: their id was written only with Flink's answer.
UPDATE linkis_stream_task SET launched_at = last_update_time WHERE linkis_job_id IS NOT NULL;
