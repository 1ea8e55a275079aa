package io.streamis.launcher.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemStateStorageTest {

    @TempDir
    Path dir;

    @Test
    void findsOnlyCheckpointsAndSavepointsWithNonEmptyMetadata() throws IOException {
        Path ck = dir.resolve("checkpoints");
        Files.createDirectories(ck.resolve("abc/chk-3"));
        Files.writeString(ck.resolve("abc/chk-3/_metadata"), "x");
        Files.createDirectories(ck.resolve("abc/chk-4"));
        Files.createDirectories(ck.resolve("abc/chk-5"));
        Files.createFile(ck.resolve("abc/chk-5/_metadata"));
        Files.createDirectories(ck.resolve("abc/shared"));
        Path sp = dir.resolve("savepoints");
        Files.createDirectories(sp.resolve("savepoint-abc123-1"));
        Files.writeString(sp.resolve("savepoint-abc123-1/_metadata"), "y");
        List<ScannedState> found = new FileSystemStateStorage().scan(ck.toUri(), sp.toUri());
        assertThat(found).extracting(ScannedState::kind, ScannedState::flinkJobId, ScannedState::checkpointId)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(StateKind.CHECKPOINT, "abc", 3L),
                        org.assertj.core.groups.Tuple.tuple(StateKind.SAVEPOINT, null, null));
    }

    @Test
    void acceptsEveryFileUriSpellingAndMissingDirectories() throws IOException {
        Path p = Files.createDirectories(dir.resolve("chk-1"));
        Files.writeString(p.resolve("_metadata"), "x");
        FileSystemStateStorage s = new FileSystemStateStorage();
        assertThat(s.isUsable("file:" + p)).isTrue();
        assertThat(s.isUsable("file://" + p)).isTrue();
        assertThat(s.isUsable(p.toString())).isTrue();
        assertThat(s.isUsable(p.resolve("_metadata").toString())).isTrue();
        assertThat(s.isUsable(dir.resolve("none").toString())).isFalse();
        assertThat(s.scan(dir.resolve("x").toUri(), dir.resolve("y").toUri())).isEmpty();
    }
}
