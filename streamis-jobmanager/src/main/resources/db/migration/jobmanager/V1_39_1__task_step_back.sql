-- What a start chose that its step backs must keep, and which run a step back continues. A step back to an older
-- restore point is a new task; without the link its count had to be guessed from the runs before it (an unrelated
-- failure or a person's own restart in between was miscounted), and the original start's allowNonRestoredState
-- was lost. Only added: the 0.3.x columns are untouched.
ALTER TABLE linkis_stream_task ADD COLUMN step_back_of BIGINT NULL;
ALTER TABLE linkis_stream_task ADD COLUMN allow_non_restored TINYINT NOT NULL DEFAULT 0;
