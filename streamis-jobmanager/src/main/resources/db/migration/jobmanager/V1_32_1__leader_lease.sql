-- Nodes sharing this database elect one actor through a lease with a fencing epoch (docs/design/multi-node.md).
-- Times are the database's own clock, so nodes with skewed clocks still agree on who leads.
CREATE TABLE streamis_lease (
    name        VARCHAR(50)  NOT NULL PRIMARY KEY,
    holder      VARCHAR(200) NULL,
    epoch       BIGINT       NOT NULL DEFAULT 0,
    acquired_at DATETIME(3)  NULL,
    expires_at  DATETIME(3)  NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
INSERT INTO streamis_lease (name, holder, epoch) VALUES ('leader', NULL, 0);

-- Every running node, with its last heartbeat: the leader settles only the work of nodes that stopped beating.
CREATE TABLE streamis_node (
    node_id      VARCHAR(200) NOT NULL PRIMARY KEY,
    instance     VARCHAR(200) NOT NULL,
    embedded     TINYINT      NOT NULL DEFAULT 0,
    started_at   DATETIME(3)  NOT NULL,
    heartbeat_at DATETIME(3)  NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
