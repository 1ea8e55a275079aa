-- Bulk operations and their items, persisted so progress can be queried while they run and after a restart.
CREATE TABLE streamis_bulk_operation (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    action      VARCHAR(20)  NOT NULL,
    request_key VARCHAR(64)  NOT NULL,
    snapshot    TINYINT      NOT NULL DEFAULT 0,
    total       INT          NOT NULL,
    finished    TINYINT      NOT NULL DEFAULT 0,
    create_by   VARCHAR(100) NOT NULL,
    create_time TIMESTAMP    DEFAULT CURRENT_TIMESTAMP,
    finish_time TIMESTAMP    NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
CREATE INDEX idx_bulk_key ON streamis_bulk_operation (request_key, finished);

CREATE TABLE streamis_bulk_item (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    bulk_id       BIGINT       NOT NULL,
    job_id        BIGINT       NOT NULL,
    job_name      VARCHAR(200),
    state         VARCHAR(20)  NOT NULL,
    task_id       BIGINT,
    message       TEXT,
    snapshot_path VARCHAR(1000),
    confirmed_path VARCHAR(1000),
    update_time   TIMESTAMP    NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
CREATE INDEX idx_bulk_item_bulk ON streamis_bulk_item (bulk_id);
