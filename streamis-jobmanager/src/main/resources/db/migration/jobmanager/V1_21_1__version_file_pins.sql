-- The project files a job version refers to by name, pinned when the version is published: the file row, its
-- version and the hash of its bytes. A launch ships exactly these bytes (or fails naming them), so re-uploading a
-- project file never changes what an existing job version runs. Versions published before this table have no
-- rows and keep resolving names to the newest project file version.
CREATE TABLE linkis_stream_job_version_pins (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    job_id          BIGINT       NOT NULL,
    job_version_id  BIGINT       NOT NULL,
    ref_name        VARCHAR(500) NOT NULL,
    project_file_id BIGINT       NOT NULL,
    file_name       VARCHAR(500) NOT NULL,
    file_version    VARCHAR(30)  NOT NULL,
    md5             VARCHAR(64),
    size            BIGINT,
    create_time     TIMESTAMP DEFAULT CURRENT_TIMESTAMP
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
CREATE INDEX idx_version_pins_version ON linkis_stream_job_version_pins (job_version_id);
CREATE INDEX idx_version_pins_file ON linkis_stream_job_version_pins (project_file_id);
