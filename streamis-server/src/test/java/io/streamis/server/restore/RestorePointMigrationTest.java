package io.streamis.server.restore;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamis.server.support.MariaDbSchema;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * An installation upgraded from the JSON column keeps its restore points and refusals: V1_25_2 moves them into
 * rows, under the run that produced each, and strips them from the JSON. On H2 and on MariaDB.
 */
class RestorePointMigrationTest {

    static final String LEGACY_RUN_1 = """
            {"id":"f1","status":"Stopped","jobStates":[
              {"location":"file:/s/p/j/checkpoints/f1/chk-9","timestamp":900,"restore":false,"kind":"CHECKPOINT",
               "origin":"periodic","runSeq":%d,"checkpointId":9,"version":"v00001"}]}""";
    static final String LEGACY_RUN_2 = """
            {"id":"f2","status":"Failed","jobStates":[
              {"location":"file:///s/p/j/checkpoints/f1/chk-9/","timestamp":900,"restore":true,"kind":"CHECKPOINT",
               "origin":"periodic","runSeq":%d,"checkpointId":9,"version":"v00001"},
              {"location":"/s/p/j/savepoints/savepoint-f2","timestamp":950,"kind":"SAVEPOINT","origin":"stop"}],
             "poisoned":["file:/s/p/j/checkpoints/f1/chk-9"]}""";

    @Test
    void h2() {
        migrate(new DriverManagerDataSource("jdbc:h2:mem:mig-" + UUID.randomUUID()
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;NON_KEYWORDS=KEY,VALUE;DB_CLOSE_DELAY=-1", "sa", ""));
    }

    @Test
    void mariaDb() {
        MariaDbSchema schema = new MariaDbSchema();
        try {
            migrate(new DriverManagerDataSource(schema.create(), MariaDbSchema.USER, MariaDbSchema.PASSWORD));
        } finally {
            schema.drop();
        }
    }

    private void migrate(DriverManagerDataSource ds) {
        // Up to the tables only, as an installation of that age: later repeatable scripts (which would run with
        // any target) need columns of later versions, so they are left out of this first step.
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").target(MigrationVersion.fromVersion(
                "1.25.1")).repeatableSqlMigrationPrefix("NOT_YET__").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        jdbc.update("INSERT INTO linkis_stream_job (project_name, name, job_type) VALUES ('p', 'j', 'flink.sql')");
        long job = jdbc.queryForObject("SELECT id FROM linkis_stream_job WHERE name = 'j'", Long.class);
        long run1 = task(jdbc, job, "");
        long run2 = task(jdbc, job, "");
        long broken = task(jdbc, job, "{not json, \"jobStates\": [");
        jdbc.update("UPDATE linkis_stream_task SET linkis_job_info = ? WHERE id = ?", LEGACY_RUN_1.formatted(run1),
                run1);
        jdbc.update("UPDATE linkis_stream_task SET linkis_job_info = ? WHERE id = ?", LEGACY_RUN_2.formatted(run1),
                run2);

        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();

        List<Map<String, Object>> points = jdbc.queryForList("SELECT task_id, kind, origin, path, checkpoint_id"
                + " FROM linkis_stream_restore_point WHERE job_id = ? ORDER BY id", job);
        assertThat(points).hasSize(2);
        assertThat(points.get(0)).containsEntry("task_id", run1).containsEntry("origin", "periodic")
                .containsEntry("checkpoint_id", 9L).containsEntry("path", "file:/s/p/j/checkpoints/f1/chk-9");
        assertThat(points.get(1)).as("a point without runSeq belongs to the run that recorded it")
                .containsEntry("task_id", run2).containsEntry("kind", "SAVEPOINT").containsEntry("origin", "stop");
        assertThat(jdbc.queryForList("SELECT action FROM linkis_stream_restore_mark WHERE job_id = ?", String.class,
                job)).containsExactly("REFUSED");
        assertThat(jdbc.queryForObject("SELECT linkis_job_info FROM linkis_stream_task WHERE id = ?", String.class,
                run2)).doesNotContain("jobStates").doesNotContain("poisoned").contains("\"status\":\"Failed\"");
        assertThat(jdbc.queryForObject("SELECT linkis_job_info FROM linkis_stream_task WHERE id = ?", String.class,
                broken)).as("unreadable JSON is left as it was").isEqualTo("{not json, \"jobStates\": [");
    }

    private static long task(JdbcTemplate jdbc, long job, String info) {
        jdbc.update("INSERT INTO linkis_stream_task (job_version_id, job_id, version, status, linkis_job_info)"
                + " VALUES (1, ?, 'v00001', 7, ?)", job, info);
        return jdbc.queryForObject("SELECT MAX(id) FROM linkis_stream_task", Long.class);
    }
}
