-- The job list's status filter and count read the job row alone: the status shown in the list (the latest task's
-- when it ran the current version, else 0) is kept on the row, written by the same statements that change it
-- (a task's status, a start's intent, the current version), so a filtered page and its count walk one index
-- instead of joining every task of the project.
ALTER TABLE linkis_stream_job ADD COLUMN list_status INT NOT NULL DEFAULT 0;
UPDATE linkis_stream_job SET list_status = COALESCE((SELECT CASE WHEN t.version = linkis_stream_job.current_version
                                                                 THEN t.status ELSE 0 END
                                                       FROM linkis_stream_task t
                                                      WHERE t.id = linkis_stream_job.latest_task_id), 0);
CREATE INDEX idx_job_project_status ON linkis_stream_job (project_name, list_status, last_start, id);
-- A name filter walks this index in list order without reading rows (LIKE '%x%' cannot seek).
CREATE INDEX idx_job_project_start_name ON linkis_stream_job (project_name, last_start, id, name);
-- A task's status change finds the job row that shows it.
CREATE INDEX idx_job_latest_task ON linkis_stream_job (latest_task_id);
