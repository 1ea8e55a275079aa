-- The item's message as a key and its arguments, so a view says it in the reader's language (message keeps English).
ALTER TABLE streamis_bulk_item ADD COLUMN message_key VARCHAR(100) NULL;
ALTER TABLE streamis_bulk_item ADD COLUMN message_args TEXT NULL;
