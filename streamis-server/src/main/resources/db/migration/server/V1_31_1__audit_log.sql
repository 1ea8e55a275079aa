-- Append-only audit log: one row per state-changing action (the application never updates or deletes a row).
CREATE TABLE streamis_audit_log (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    event_time     TIMESTAMP(3) NOT NULL,
    user_name      VARCHAR(100),
    remote_addr    VARCHAR(64),
    request        VARCHAR(300),
    project_name   VARCHAR(200),
    job_id         BIGINT,
    action         VARCHAR(40) NOT NULL,
    outcome        VARCHAR(10) NOT NULL,
    error_code     VARCHAR(60),
    message        VARCHAR(1000),
    detail         VARCHAR(4000)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
CREATE INDEX idx_audit_time ON streamis_audit_log (event_time);
CREATE INDEX idx_audit_project ON streamis_audit_log (project_name, event_time);
CREATE INDEX idx_audit_user ON streamis_audit_log (user_name, event_time);
CREATE INDEX idx_audit_job ON streamis_audit_log (job_id);
