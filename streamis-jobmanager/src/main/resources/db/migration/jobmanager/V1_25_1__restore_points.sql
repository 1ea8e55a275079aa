-- Restore points as records of their own (they used to live in linkis_stream_task.linkis_job_info.jobStates, a JSON
-- value read-modified-written by several writers). A row is one fact, written once and never updated: "this
-- checkpoint/savepoint exists, produced by this run". Refusals and their clearing are facts too, appended to
-- linkis_stream_restore_mark; a point's standing is its newest mark. path_hash (SHA-256 of the normalised path)
-- makes "once per job and path" an index: a long HDFS path does not fit a unique key on MariaDB.
CREATE TABLE linkis_stream_restore_point (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    job_id         BIGINT        NOT NULL,
    task_id        BIGINT,
    kind           VARCHAR(16)   NOT NULL,
    origin         VARCHAR(16)   NOT NULL,
    path           VARCHAR(1000) NOT NULL,
    path_hash      CHAR(64)      NOT NULL,
    checkpoint_id  BIGINT,
    completed_time BIGINT        NOT NULL,
    size_bytes     BIGINT,
    job_version    VARCHAR(50),
    create_time    TIMESTAMP DEFAULT CURRENT_TIMESTAMP
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
CREATE UNIQUE INDEX uk_restore_point_path ON linkis_stream_restore_point (job_id, path_hash);
CREATE INDEX idx_restore_point_run ON linkis_stream_restore_point (job_id, task_id, id);

CREATE TABLE linkis_stream_restore_mark (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    job_id      BIGINT        NOT NULL,
    path        VARCHAR(1000) NOT NULL,
    path_hash   CHAR(64)      NOT NULL,
    action      VARCHAR(16)   NOT NULL,
    reason      VARCHAR(2000),
    task_id     BIGINT,
    created_by  VARCHAR(100),
    create_time TIMESTAMP DEFAULT CURRENT_TIMESTAMP
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
CREATE INDEX idx_restore_mark_job ON linkis_stream_restore_mark (job_id, path_hash, id);
