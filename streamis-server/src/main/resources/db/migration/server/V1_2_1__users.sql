-- Platform users for the Linkis-compatible login (passwords are BCrypt hashes).
CREATE TABLE streamis_user (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    user_name     VARCHAR(100) NOT NULL,
    password_hash VARCHAR(100) NOT NULL,
    create_time   TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT uk_user_name UNIQUE (user_name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
