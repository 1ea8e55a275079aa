-- The English name of each definition, for the UI in English (name stays the 0.3.x Chinese label). The names
-- themselves are set by the repeatable R__config_definition_english_names.sql, which runs after every versioned
-- migration, so definitions added by later migrations get theirs too.
ALTER TABLE linkis_stream_job_config_def ADD COLUMN en_name VARCHAR(200) NULL;
