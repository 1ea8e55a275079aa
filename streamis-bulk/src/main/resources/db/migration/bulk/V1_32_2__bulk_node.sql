-- The node (host:port) that runs a bulk operation: only the unfinished operations of a node that stopped are interrupted.
ALTER TABLE streamis_bulk_operation ADD COLUMN server_instance VARCHAR(200) NULL;
