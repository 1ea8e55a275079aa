-- Projects, privileges, jobs, versions, files and tasks. Table and column names are those of Streamis 0.3.x;
-- ids are BIGINT (0.3.x stored several as strings) and a few columns were added (noted).
CREATE TABLE linkis_stream_project (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    workspace_id     BIGINT,
    name             VARCHAR(100) NOT NULL,
    -- added: equals name while the project is live, NULL once deleted, so a deleted name can be reused (0.3.2 bug #12)
    live_name        VARCHAR(100),
    create_by        VARCHAR(50),
    create_time      TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
    last_update_by   VARCHAR(50),
    last_update_time TIMESTAMP NULL,
    is_deleted       TINYINT NOT NULL DEFAULT 0,
    CONSTRAINT uk_project_live_name UNIQUE (live_name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE linkis_stream_project_privilege (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    project_id BIGINT       NOT NULL,
    user_name  VARCHAR(100) NOT NULL,
    privilege  TINYINT      NOT NULL,
    CONSTRAINT uk_project_privilege UNIQUE (project_id, user_name, privilege)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE linkis_stream_job (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    project_name    VARCHAR(100) NOT NULL,
    name            VARCHAR(200) NOT NULL,
    status          TINYINT      NOT NULL DEFAULT 0,
    create_by       VARCHAR(50),
    create_time     TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
    label           VARCHAR(200),
    description     VARCHAR(200),
    job_type        VARCHAR(30)  NOT NULL,
    submit_user     VARCHAR(100),
    workspace_name  VARCHAR(50),
    current_version VARCHAR(50),
    enable          TINYINT      NOT NULL DEFAULT 1,
    -- added: numeric counter behind vNNNNN, bumped under the job row lock so versions never collide
    version_seq     INT          NOT NULL DEFAULT 0,
    CONSTRAINT uk_job_project_name UNIQUE (project_name, name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE linkis_stream_job_version (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    job_id      BIGINT      NOT NULL,
    version     VARCHAR(20) NOT NULL,
    -- added: numeric order of versions (string order breaks past v99999)
    version_no  INT         NOT NULL,
    source      TEXT,
    job_content TEXT,
    manage_mode VARCHAR(30) DEFAULT 'EngineConn',
    comment     VARCHAR(255),
    create_time TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
    create_by   VARCHAR(50),
    CONSTRAINT uk_job_version UNIQUE (job_id, version),
    CONSTRAINT uk_job_version_no UNIQUE (job_id, version_no)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE linkis_stream_job_version_files (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    job_id         BIGINT       NOT NULL,
    job_version_id BIGINT       NOT NULL,
    file_name      VARCHAR(500) NOT NULL,
    version        VARCHAR(30),
    store_path     VARCHAR(1000),
    store_type     VARCHAR(20) DEFAULT 'local',
    md5            VARCHAR(64),
    size           BIGINT,
    create_time    TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
    create_by      VARCHAR(50)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
CREATE INDEX idx_version_files_version ON linkis_stream_job_version_files (job_version_id);

CREATE TABLE linkis_stream_project_files (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    file_name    VARCHAR(500) NOT NULL,
    version      VARCHAR(30)  NOT NULL,
    store_path   VARCHAR(1000),
    store_type   VARCHAR(20) DEFAULT 'local',
    project_name VARCHAR(100) NOT NULL,
    create_time  TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
    create_by    VARCHAR(50),
    comment      VARCHAR(255),
    update_time  TIMESTAMP NULL,
    md5          VARCHAR(64),
    size         BIGINT,
    source       TEXT,
    CONSTRAINT uk_project_file_version UNIQUE (project_name, file_name, version)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE linkis_stream_task (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    job_version_id   BIGINT      NOT NULL,
    job_id           BIGINT      NOT NULL,
    version          VARCHAR(50),
    status           INT         NOT NULL,
    start_time       TIMESTAMP NULL,
    last_update_time TIMESTAMP NULL,
    err_desc         TEXT,
    submit_user      VARCHAR(50),
    linkis_job_id    VARCHAR(200),
    linkis_job_info  MEDIUMTEXT,
    server_instance  VARCHAR(200),
    job_start_config MEDIUMTEXT,
    solution         TEXT,
    template_id      BIGINT,
    -- added: which cluster ran it, why it was started, what it restored from
    cluster          VARCHAR(100),
    start_cause      VARCHAR(50),
    restored_from    VARCHAR(1000)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
CREATE INDEX idx_task_job ON linkis_stream_task (job_id, id);
CREATE INDEX idx_task_status ON linkis_stream_task (status);

CREATE TABLE linkis_stream_alert_record (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    alert_level    VARCHAR(20) DEFAULT 'critical',
    alert_user     VARCHAR(50),
    alert_msg      VARCHAR(1000),
    job_id         BIGINT,
    job_version_id BIGINT,
    task_id        BIGINT,
    create_time    TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
    status         TINYINT DEFAULT 1,
    error_msg      VARCHAR(2000)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
CREATE INDEX idx_alert_job ON linkis_stream_alert_record (job_id);
