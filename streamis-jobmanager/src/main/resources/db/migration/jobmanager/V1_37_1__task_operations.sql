-- Stops and savepoints as persisted intents (docs/design/stop-and-savepoint.md). A row is written before Flink is
-- asked (REQUESTED), carries Flink's trigger id once Flink accepted it (TRIGGERED), and is settled once (DONE with
-- the savepoint's path, or FAILED with why) by the leader's reconciler, also after the requesting node crashed.
-- from_status is the run's status before a stop, where a failed stop returns it.
CREATE TABLE streamis_task_operation (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    task_id      BIGINT        NOT NULL,
    job_id       BIGINT        NOT NULL,
    kind         VARCHAR(32)   NOT NULL,
    state        VARCHAR(16)   NOT NULL,
    from_status  INT           NOT NULL,
    requested_by VARCHAR(100),
    requested_at DATETIME(3)   NOT NULL,
    target_dir   VARCHAR(1000),
    trigger_id   VARCHAR(100),
    result_path  VARCHAR(1000),
    error        VARCHAR(2000),
    settled_at   DATETIME(3)   NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
CREATE INDEX idx_task_operation_state ON streamis_task_operation (state, id);
CREATE INDEX idx_task_operation_task ON streamis_task_operation (task_id, id);
