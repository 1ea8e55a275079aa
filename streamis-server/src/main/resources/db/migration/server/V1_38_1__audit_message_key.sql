-- The row's message as a key and its arguments, so each reader reads it in their own language; message keeps the
-- English (and, for rows written before, the text as it was answered), shown when there is no key or translation.
ALTER TABLE streamis_audit_log ADD COLUMN message_key VARCHAR(100) NULL;
ALTER TABLE streamis_audit_log ADD COLUMN message_args TEXT NULL;
