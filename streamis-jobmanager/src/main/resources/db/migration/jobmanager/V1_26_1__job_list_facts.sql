-- The facts the job list sorts and filters on, kept on the job row so a page costs O(page), not O(jobs): the
-- latest task (its status is one primary-key join away) and when it started. Both change only when a start records
-- its intent, under the job's row lock, so one writer maintains them.
ALTER TABLE linkis_stream_job ADD COLUMN latest_task_id BIGINT NULL;
ALTER TABLE linkis_stream_job ADD COLUMN last_start TIMESTAMP NULL;
UPDATE linkis_stream_job SET latest_task_id = (SELECT MAX(t.id) FROM linkis_stream_task t
                                               WHERE t.job_id = linkis_stream_job.id);
UPDATE linkis_stream_job SET last_start = (SELECT t.start_time FROM linkis_stream_task t
                                           WHERE t.id = linkis_stream_job.latest_task_id);
CREATE INDEX idx_job_project_start ON linkis_stream_job (project_name, last_start, id);
