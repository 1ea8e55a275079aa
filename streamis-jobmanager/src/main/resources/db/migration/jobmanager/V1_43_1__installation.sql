-- The id all nodes of this installation share (they share this database). Its YARN applications carry it as a tag,
-- so two installations on one YARN do not take each other's applications for their own (docs/design/yarn-hdfs.md).
-- The first node to start writes it (DatabaseInstallationId); a later insert loses on the primary key.
CREATE TABLE streamis_installation (
    name            VARCHAR(50) NOT NULL PRIMARY KEY,
    installation_id VARCHAR(64) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
