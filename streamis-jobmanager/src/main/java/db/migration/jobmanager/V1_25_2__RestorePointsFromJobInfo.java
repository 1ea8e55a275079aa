package db.migration.jobmanager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamis.jobmanager.restore.RestorePoints;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.Set;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Moves the restore points and refusals that tasks carried in their job info JSON ({@code jobStates},
 * {@code poisoned}) into the tables of V1_25_1, then drops those keys from the JSON so one place holds them.
 * Tasks are read oldest first, so a point is recorded under the run that produced it, not a run that carried it.
 * A value that does not parse is left untouched (and its points unmigrated) rather than guessed at.
 */
public class V1_25_2__RestorePointsFromJobInfo extends BaseJavaMigration {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        Set<String> seen = new HashSet<>();
        try (PreparedStatement q = c.prepareStatement("SELECT id, job_id, version, linkis_job_info FROM"
                + " linkis_stream_task WHERE linkis_job_info LIKE '%jobStates%' OR linkis_job_info LIKE '%poisoned%'"
                + " ORDER BY id");
             PreparedStatement point = c.prepareStatement("INSERT INTO linkis_stream_restore_point (job_id, task_id,"
                     + " kind, origin, path, path_hash, checkpoint_id, completed_time, job_version)"
                     + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement mark = c.prepareStatement("INSERT INTO linkis_stream_restore_mark (job_id, path,"
                     + " path_hash, action, reason, task_id, created_by) VALUES (?, ?, ?, 'REFUSED', ?, ?, ?)");
             PreparedStatement strip = c.prepareStatement("UPDATE linkis_stream_task SET linkis_job_info = ?"
                     + " WHERE id = ?");
             ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                long taskId = rs.getLong(1);
                long jobId = rs.getLong(2);
                JsonNode info;
                try {
                    info = JSON.readTree(rs.getString(4));
                } catch (Exception unreadable) {
                    continue;
                }
                if (!(info instanceof ObjectNode obj)) {
                    continue;
                }
                for (JsonNode s : obj.path("jobStates")) {
                    String path = s.path("location").asText(null);
                    if (path == null || path.isBlank() || !seen.add(jobId + " " + hash(path))) {
                        continue;
                    }
                    point.setLong(1, jobId);
                    point.setLong(2, s.hasNonNull("runSeq") ? s.get("runSeq").asLong() : taskId);
                    point.setString(3, kind(s.path("kind").asText("CHECKPOINT")));
                    point.setString(4, s.path("origin").asText("carried"));
                    point.setString(5, path);
                    point.setString(6, hash(path));
                    if (s.hasNonNull("checkpointId")) {
                        point.setLong(7, s.get("checkpointId").asLong());
                    } else {
                        point.setNull(7, java.sql.Types.BIGINT);
                    }
                    point.setLong(8, s.path("timestamp").asLong(0));
                    point.setString(9, s.hasNonNull("version") ? s.get("version").asText() : rs.getString(3));
                    point.executeUpdate();
                }
                for (JsonNode p : obj.path("poisoned")) {
                    mark.setLong(1, jobId);
                    mark.setString(2, p.asText());
                    mark.setString(3, hash(p.asText()));
                    mark.setString(4, "refused by Flink (recorded before restore points became rows)");
                    mark.setLong(5, taskId);
                    mark.setString(6, "migration");
                    mark.executeUpdate();
                }
                obj.remove("jobStates");
                obj.remove("poisoned");
                strip.setString(1, JSON.writeValueAsString(obj));
                strip.setLong(2, taskId);
                strip.executeUpdate();
            }
        }
    }

    private static String kind(String k) {
        return "SAVEPOINT".equals(k) || "USER".equals(k) ? k : "CHECKPOINT";
    }

    /** The record's own key, so a migrated row and a later fact about the same path meet on the unique index. */
    private static String hash(String path) {
        return RestorePoints.hash(path);
    }
}
