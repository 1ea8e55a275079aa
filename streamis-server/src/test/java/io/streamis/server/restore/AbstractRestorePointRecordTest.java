package io.streamis.server.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamis.common.error.StreamisException;
import io.streamis.jobmanager.job.JobMapper;
import io.streamis.jobmanager.job.StreamJob;
import io.streamis.jobmanager.restore.RestorePoint;
import io.streamis.jobmanager.restore.RestorePoints;
import io.streamis.jobmanager.task.StreamTask;
import io.streamis.launcher.client.CheckpointStats;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Restore points are rows, one per job and normalised path, written once by whichever writer learns of them;
 * refusals and clears are appended facts. Runs once per database (subclasses).
 */
@SpringBootTest
@ActiveProfiles("test")
abstract class AbstractRestorePointRecordTest {

    @Autowired RestorePoints points;
    @Autowired JobMapper jobs;
    @Autowired JdbcTemplate jdbc;

    long jobId;

    @BeforeEach
    void job() {
        String name = "rp_" + System.nanoTime();
        jdbc.update("INSERT INTO linkis_stream_job (project_name, name, job_type) VALUES ('p', ?, 'flink.sql')",
                name);
        jobId = jdbc.queryForObject("SELECT id FROM linkis_stream_job WHERE name = ?", Long.class, name);
    }

    @Test
    void aPointIsRecordedOncePerNormalisedPath() {
        StreamTask run = task(11);
        points.checkpointed(run, completed(7, "file:/state/p/j/checkpoints/abc/chk-7"));
        points.checkpointed(run, completed(7, "file:///state/p/j/checkpoints/abc/chk-7/"));
        points.savepointed(run, "/state/p/j/checkpoints/abc/chk-7/_metadata", RestorePoint.Origin.STOP);

        List<RestorePoint> rows = points.known(jobId).points();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).origin()).as("the first writer's fact stands").isEqualTo("periodic");
        assertThat(rows.get(0).checkpointId()).isEqualTo(7L);
        assertThat(rows.get(0).sizeBytes()).isEqualTo(1234L);
    }

    /** The defect this table fixes: writers that each read-modify-wrote one JSON value erased each other's points. */
    @Test
    void concurrentWritersNeverEraseEachOthersPoints() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Void>> writers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int writer = w;
                writers.add(() -> {
                    for (int i = 0; i < 25; i++) {
                        String path = "/state/p/j/w" + writer + "/sp-" + i;
                        switch (writer) {
                            case 0 -> points.checkpointed(task(20), completed(i + 1, path));
                            case 1 -> points.savepointed(task(20), path, RestorePoint.Origin.STOP);
                            case 2 -> points.savepointed(task(21), path, RestorePoint.Origin.MANUAL);
                            default -> points.userPath(jobId, 22, path, "v00001");
                        }
                    }
                    return null;
                });
            }
            for (Future<Void> f : pool.invokeAll(writers)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM linkis_stream_restore_point WHERE job_id = ?",
                Integer.class, jobId)).as("25 - pruned periodic + 75 others").isEqualTo(5 + 75);
    }

    @Test
    void aRunKeepsItsNewestPeriodicCheckpointsAndEverySavepoint() {
        StreamTask run = task(30);
        points.savepointed(run, "/state/p/j/savepoints/savepoint-1", RestorePoint.Origin.MANUAL);
        for (int i = 1; i <= 8; i++) {
            points.checkpointed(run, completed(i, "/state/p/j/checkpoints/x/chk-" + i));
        }
        assertThat(points.ofTask(30).stream().map(RestorePoint::path))
                .containsExactly("/state/p/j/checkpoints/x/chk-8", "/state/p/j/checkpoints/x/chk-7",
                        "/state/p/j/checkpoints/x/chk-6", "/state/p/j/checkpoints/x/chk-5",
                        "/state/p/j/checkpoints/x/chk-4", "/state/p/j/savepoints/savepoint-1");
    }

    @Test
    void aRefusalStandsUntilAUserClearsItAndBothFactsRemain() {
        String path = "hdfs://nn:8020/streamis/state/p/j/checkpoints/abc/chk-3";
        points.refused(jobId, 40, path, "Unexpected magic number");
        assertThat(points.known(jobId).isRefused(path + "/")).isTrue();
        assertThat(points.known(jobId).refused()).containsValue("Unexpected magic number");

        StreamJob job = jobs.selectById(jobId);
        points.clear(job, path, "alice");
        assertThat(points.known(jobId).isRefused(path)).isFalse();
        assertThatThrownBy(() -> points.clear(job, path, "alice")).isInstanceOf(StreamisException.class)
                .hasMessageContaining("is not marked refused");
        assertThat(jdbc.queryForList("SELECT action FROM linkis_stream_restore_mark WHERE job_id = ? ORDER BY id",
                String.class, jobId)).containsExactly("REFUSED", "CLEARED");

        points.refused(jobId, 41, path, "again");
        assertThat(points.known(jobId).isRefused(path)).as("the newest fact counts").isTrue();
    }

    private StreamTask task(long id) {
        return new StreamTask(id, 1, jobId, "v00001", 5, null, null, null, "admin", "f" + id, null, null, null, null,
                null, "embedded", "USER", null, null, false, null);
    }

    private static CheckpointStats.Completed completed(long id, String path) {
        return new CheckpointStats.Completed(id, path, 1_000 + id, 1234, 5, false);
    }
}
