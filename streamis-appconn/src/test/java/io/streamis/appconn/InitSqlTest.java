package io.streamis.appconn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code db/init.sql} as DSS's {@code appconn-install.sh} runs it: placeholders replaced with the Streamis host and
 * port, executed on DSS's tables (the columns of DSS 1.1.0's {@code dss_ddl.sql}, recreated here in a fresh
 * MariaDB schema), twice, since an operator re-runs installs.
 */
class InitSqlTest {

    private static final String HOST = System.getProperty("streamis.test.mariadb.url", "jdbc:mariadb://127.0.0.1:3306/");
    private final String schema = "dss_appconn_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private Connection db;

    @BeforeEach
    void dssTables() throws Exception {
        try (Connection c = DriverManager.getConnection(HOST, "root", ""); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + schema + " CHARACTER SET utf8mb4");
        }
        db = DriverManager.getConnection(HOST + schema, "root", "");
        exec("CREATE TABLE dss_appconn (id INT AUTO_INCREMENT PRIMARY KEY, appconn_name VARCHAR(64) NOT NULL UNIQUE,"
                + " is_user_need_init TINYINT(1), level INT, if_iframe TINYINT(1), is_external TINYINT(1),"
                + " reference VARCHAR(255), class_name VARCHAR(255), appconn_class_path VARCHAR(255),"
                + " resource VARCHAR(255))");
        exec("CREATE TABLE dss_appconn_instance (id INT AUTO_INCREMENT PRIMARY KEY, appconn_id INT NOT NULL,"
                + " label VARCHAR(128) NOT NULL, url VARCHAR(128), enhance_json VARCHAR(1024),"
                + " homepage_uri VARCHAR(255))");
        exec("CREATE TABLE dss_workspace_menu_appconn (id INT AUTO_INCREMENT PRIMARY KEY, appconn_id INT,"
                + " menu_id INT NOT NULL, title_en VARCHAR(64), title_cn VARCHAR(64), desc_en VARCHAR(255),"
                + " desc_cn VARCHAR(255), labels_en VARCHAR(255), labels_cn VARCHAR(255), is_active TINYINT(1),"
                + " access_button_en VARCHAR(64), access_button_cn VARCHAR(64), manual_button_en VARCHAR(64),"
                + " manual_button_cn VARCHAR(64), manual_button_url VARCHAR(255), icon VARCHAR(255), `order` INT,"
                + " create_by VARCHAR(255), create_time DATETIME, last_update_time DATETIME,"
                + " last_update_user VARCHAR(30), image VARCHAR(200))");
        exec("CREATE TABLE dss_workspace_dictionary (id INT AUTO_INCREMENT PRIMARY KEY, workspace_id INT DEFAULT 0,"
                + " parent_key VARCHAR(200) DEFAULT '0', dic_name VARCHAR(200) NOT NULL, dic_name_en VARCHAR(300),"
                + " dic_key VARCHAR(200) NOT NULL, dic_value VARCHAR(500), dic_value_en VARCHAR(1000),"
                + " title VARCHAR(200), title_en VARCHAR(400), url VARCHAR(200), url_type INT DEFAULT 0,"
                + " icon VARCHAR(200), order_num INT DEFAULT 1, remark VARCHAR(1000), create_user VARCHAR(100),"
                + " create_time DATETIME DEFAULT CURRENT_TIMESTAMP, update_user VARCHAR(100),"
                + " update_time DATETIME DEFAULT CURRENT_TIMESTAMP, UNIQUE KEY (workspace_id, dic_key))");
    }

    @AfterEach
    void drop() throws Exception {
        db.close();
        try (Connection c = DriverManager.getConnection(HOST, "root", ""); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + schema);
        }
    }

    @Test
    void registersTheAppConnItsInstanceMenuAndProjectEntryAndCanRunAgain() throws Exception {
        String sql = Files.readString(Path.of("src/main/dss/db/init.sql"))
                .replace("APPCONN_INSTALL_IP", "10.1.2.3").replace("APPCONN_INSTALL_PORT", "9400");
        runScript(sql);
        runScript(sql);

        assertEquals("1|io.streamis.appconn.StreamisAppConn|1|1",
                one("SELECT CONCAT(COUNT(*), '|', MAX(class_name), '|', MAX(if_iframe), '|', MAX(is_external))"
                        + " FROM dss_appconn WHERE appconn_name = 'streamis'"));
        assertEquals("1|http://10.1.2.3:9400/|/#/realTimeJobCenter", one("SELECT CONCAT(COUNT(*), '|', MAX(i.url),"
                + " '|', MAX(i.homepage_uri)) FROM dss_appconn_instance i JOIN dss_appconn a ON a.id = i.appconn_id"
                + " WHERE a.appconn_name = 'streamis'"));
        assertEquals("1", one("SELECT COUNT(*) FROM dss_workspace_menu_appconn m JOIN dss_appconn a"
                + " ON a.id = m.appconn_id WHERE a.appconn_name = 'streamis'"));
        String url = one("SELECT url FROM dss_workspace_dictionary WHERE dic_key = 'pdp_streamis_job_center'");
        assertEquals("http://10.1.2.3:9400/#/realTimeJobCenter?projectName=${projectName}"
                + "&workspaceName=${workspaceName}", url);
        assertTrue(one("SELECT COUNT(*) FROM dss_appconn_instance").equals("1"), "no orphan instance rows");
    }

    /** Statements end with ';' at the end of a line (as the DSS install script's mysql client reads them). */
    private void runScript(String sql) throws SQLException {
        StringBuilder statement = new StringBuilder();
        for (String line : sql.split("\n")) {
            if (line.trim().startsWith("--")) {
                continue;
            }
            statement.append(line).append('\n');
            if (line.trim().endsWith(";")) {
                exec(statement.toString().trim().replaceAll(";$", ""));
                statement.setLength(0);
            }
        }
    }

    private void exec(String sql) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute(sql);
        }
    }

    private String one(String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }
}
