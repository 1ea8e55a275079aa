-- When an automatic restart of this (failed) task's job is due. Written before the restart is scheduled, cleared
-- when it is taken, so a restart planned by a process that stopped meanwhile is recovered by the next one.
ALTER TABLE linkis_stream_task ADD COLUMN restart_due_at TIMESTAMP NULL;
