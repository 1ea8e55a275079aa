-- An incident's text and its resolution as a key and its arguments (the Text of io.streamis.common.error), so the
-- Alerts tab says them in the reader's language. message and resolution keep the English: rows written before have
-- no key and keep showing it, and so does a text the platform only passes on (Flink's own words).
-- One column per statement, as the other keyed rows (V1_30_1, V1_38_1): the same on H2 and MariaDB.
ALTER TABLE streamis_alert_incident ADD COLUMN message_key VARCHAR(100) NULL;
ALTER TABLE streamis_alert_incident ADD COLUMN message_args TEXT NULL;
ALTER TABLE streamis_alert_incident ADD COLUMN resolution_key VARCHAR(100) NULL;
ALTER TABLE streamis_alert_incident ADD COLUMN resolution_args TEXT NULL;
