package io.streamis.jobmanager.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** Real Flink 1.20 failure texts (Checkpoints, AbstractFsCheckpointStorageAccess, the JobMaster's wrapping). */
class RestoreFailureTest {

    static final String CANNOT_MAP = "Failed to rollback to checkpoint/savepoint file:/tmp/sp/savepoint-3a1f-4b2c."
            + " Cannot map checkpoint/savepoint state for operator 20ba6b65f97481d5570070de90e4e791 to the new"
            + " program, because the operator is not available in the new program. If you want to allow to skip"
            + " this, you can set the --allowNonRestoredState option on the CLI.";
    static final String MAX_PARALLELISM = "Failed to rollback to checkpoint/savepoint file:/tmp/chk-4. Max"
            + " parallelism mismatch between checkpoint/savepoint state and new program. Cannot map operator"
            + " 20ba6b65f97481d5570070de90e4e791 with max parallelism 128 to new program with max parallelism 256."
            + " This indicates that the program has been changed in a non-compatible way after the"
            + " checkpoint/savepoint.";
    static final String MAGIC = "Unexpected magic number. This can have multiple reasons: (1) You are trying to"
            + " load a Flink 1.0 savepoint, which is not supported by this version of Flink. (2) The file you were"
            + " pointing to is not a savepoint at all. (3) The savepoint file has been corrupted.";
    static final String NO_METADATA = "Cannot find meta data file '_metadata' in directory"
            + " 'file:/tmp/checkpoints/abc/chk-7'. Please try to load the checkpoint/savepoint directly from the"
            + " metadata file instead of the directory.";
    static final String NOT_FOUND = "Cannot find checkpoint or savepoint file/directory 'file:/tmp/sp/savepoint-x'"
            + " on file system 'file'.";

    @Test
    void whatFlinkSaysWhenTheProgramCannotTakeTheStateIsTheProgramsFault() {
        assertThat(RestoreFailure.of("Flink reports the job FAILED: Caused by: java.lang.IllegalStateException: "
                + CANNOT_MAP)).isEqualTo(RestoreFailure.INCOMPATIBLE_PROGRAM);
        assertThat(RestoreFailure.of("Caused by: java.lang.IllegalStateException: " + MAX_PARALLELISM))
                .isEqualTo(RestoreFailure.INCOMPATIBLE_PROGRAM);
        assertThat(RestoreFailure.INCOMPATIBLE_PROGRAM.stepsBack()).isFalse();
    }

    @Test
    void missingOrCorruptFilesAreABrokenPoint() {
        assertThat(RestoreFailure.of("Flink reports the job FAILED: Caused by: java.io.IOException: " + MAGIC))
                .isEqualTo(RestoreFailure.BROKEN_POINT);
        assertThat(RestoreFailure.of("Caused by: java.io.FileNotFoundException: " + NO_METADATA))
                .isEqualTo(RestoreFailure.BROKEN_POINT);
        assertThat(RestoreFailure.of("Caused by: java.io.FileNotFoundException: " + NOT_FOUND))
                .isEqualTo(RestoreFailure.BROKEN_POINT);
        assertThat(RestoreFailure.of("Caused by: java.io.EOFException")).isEqualTo(RestoreFailure.BROKEN_POINT);
        assertThat(RestoreFailure.BROKEN_POINT.stepsBack()).isTrue();
    }

    @Test
    void otherFailuresMentioningACheckpointAreNotThePointsFault() {
        // The old regex stepped back on any of these because they contain "checkpoint" or "restor".
        assertThat(RestoreFailure.of("Caused by: org.apache.flink.runtime.jobmanager.scheduler."
                + "NoResourceAvailableException: Could not acquire the minimum required resources."))
                .isEqualTo(RestoreFailure.OTHER);
        assertThat(RestoreFailure.of("Caused by: java.lang.RuntimeException: boom while restoring user function"))
                .isEqualTo(RestoreFailure.OTHER);
        assertThat(RestoreFailure.of("Caused by: org.apache.flink.runtime.checkpoint.CheckpointException:"
                + " Checkpoint expired before completing.")).isEqualTo(RestoreFailure.OTHER);
        assertThat(RestoreFailure.of((String) null)).isEqualTo(RestoreFailure.OTHER);
        assertThat(RestoreFailure.OTHER.stepsBack()).isFalse();
    }

    @Test
    void aThrownFailureIsClassifiedByItsCauseChain() {
        Throwable notFound = new CompletionException(new RuntimeException("Could not start the JobMaster.",
                new FileNotFoundException(NOT_FOUND)));
        assertThat(RestoreFailure.of(notFound)).isEqualTo(RestoreFailure.BROKEN_POINT);
        Throwable corrupt = new RuntimeException("submit failed", new IOException(MAGIC));
        assertThat(RestoreFailure.of(corrupt)).isEqualTo(RestoreFailure.BROKEN_POINT);
        Throwable cannotMap = new RuntimeException("Could not start the JobMaster.",
                new IllegalStateException(CANNOT_MAP));
        assertThat(RestoreFailure.of(cannotMap)).isEqualTo(RestoreFailure.INCOMPATIBLE_PROGRAM);
        assertThat(RestoreFailure.of(new IllegalArgumentException("no slots"))).isEqualTo(RestoreFailure.OTHER);
        assertThat(RestoreFailure.of(new IOException("Connection refused to the JobManager")))
                .isEqualTo(RestoreFailure.OTHER);
    }
}
