-- Alerts that reach people: channels per project, one incident per (job, rule) while it lasts, and a persisted
-- outbox of deliveries so a failed or interrupted delivery is retried and never loses the alert.
CREATE TABLE streamis_alert_channel (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    project_name VARCHAR(100)  NOT NULL,
    name         VARCHAR(100)  NOT NULL,
    type         VARCHAR(20)   NOT NULL,
    target       VARCHAR(1000) NOT NULL,
    secret       VARCHAR(500),
    min_level    VARCHAR(20)   NOT NULL DEFAULT 'INFO',
    enabled      TINYINT       NOT NULL DEFAULT 1,
    create_by    VARCHAR(50),
    create_time  DATETIME DEFAULT CURRENT_TIMESTAMP,
    update_time  DATETIME NULL,
    CONSTRAINT uk_alert_channel UNIQUE (project_name, name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- open_key is '<jobId>:<rule>' while the incident is open and NULL once resolved: the unique index keeps one open
-- incident per job and rule even when two deciders race (NULLs do not collide on H2 or MariaDB).
CREATE TABLE streamis_alert_incident (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    job_id      BIGINT        NOT NULL,
    rule        VARCHAR(40)   NOT NULL,
    level       VARCHAR(20)   NOT NULL,
    task_id     BIGINT,
    message     VARCHAR(2000),
    opened_at   DATETIME DEFAULT CURRENT_TIMESTAMP,
    resolved_at DATETIME NULL,
    resolution  VARCHAR(500),
    open_key    VARCHAR(100),
    CONSTRAINT uk_alert_incident_open UNIQUE (open_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
CREATE INDEX idx_alert_incident_job ON streamis_alert_incident (job_id, id);

CREATE TABLE streamis_alert_outbox (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    incident_id     BIGINT,
    channel_id      BIGINT      NOT NULL,
    kind            VARCHAR(10) NOT NULL,
    payload         TEXT        NOT NULL,
    status          VARCHAR(10) NOT NULL DEFAULT 'PENDING',
    attempts        INT         NOT NULL DEFAULT 0,
    next_attempt_at DATETIME NOT NULL,
    last_error      VARCHAR(2000),
    sent_at         DATETIME NULL,
    create_time     DATETIME DEFAULT CURRENT_TIMESTAMP
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
CREATE INDEX idx_alert_outbox_due ON streamis_alert_outbox (status, next_attempt_at);
CREATE INDEX idx_alert_outbox_incident ON streamis_alert_outbox (incident_id);

ALTER TABLE linkis_stream_alert_record ADD COLUMN incident_id BIGINT;
