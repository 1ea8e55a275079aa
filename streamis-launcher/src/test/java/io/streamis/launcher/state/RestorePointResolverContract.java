package io.streamis.launcher.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The restore-point rules, on whatever file system {@link #root()} is: run on the local disk here and on a real
 * HDFS by {@link HdfsRestorePointResolverTest}, so the algorithm cannot depend on where state lives.
 */
abstract class RestorePointResolverContract {

    private final RestorePointResolver resolver = new RestorePointResolver(new FileSystemStateStorage());

    /** A URI directory (no trailing slash) the test may write into. */
    abstract String root();

    private String state(String name, boolean withMetadata) throws IOException {
        return StateFiles.point(root() + "/" + name, withMetadata ? "meta" : null);
    }

    private static StatePoint cp(String path, long run, long id, long ts) {
        return new StatePoint(path, StateKind.CHECKPOINT, "periodic", run, id, ts, "v00001");
    }

    @Test
    void newestRunWinsEvenWithSmallerCheckpointIdsAndOlderClock() throws IOException {
        String oldRunHighId = state("run1-chk-90", true);
        String newRunLowId = state("run2-chk-3", true);
        RestorePlan plan = resolver.resolve(new RestoreQuery(null,
                List.of(cp(oldRunHighId, 1, 90, 5_000), cp(newRunLowId, 2, 3, 1_000)), List.of(), Map.of()));
        assertThat(plan.chosen().path()).isEqualTo(newRunLowId);
        assertThat(plan.fallbacks()).extracting(StatePoint::path).containsExactly(oldRunHighId);
    }

    @Test
    void withinARunTheStopSavepointWinsThenHigherCheckpointId() throws IOException {
        String chk7 = state("chk-7", true);
        String chk8 = state("chk-8", true);
        String stop = state("savepoint-stop", true);
        StatePoint sp = new StatePoint(stop, StateKind.SAVEPOINT, "stop", 5L, null, 100, "v00001");
        RestorePlan plan = resolver.resolve(new RestoreQuery(null, List.of(cp(chk7, 5, 7, 300), sp, cp(chk8, 5, 8, 200)),
                List.of(), Map.of()));
        assertThat(plan.chosen().path()).isEqualTo(stop);
        assertThat(plan.fallbacks()).extracting(StatePoint::path).containsExactly(chk8, chk7);
    }

    @Test
    void skipsCandidatesWithoutMetadataAndSaysWhy() throws IOException {
        String broken = state("chk-9", false);
        String good = state("chk-8", true);
        RestorePlan plan = resolver.resolve(new RestoreQuery(null, List.of(cp(broken, 3, 9, 2), cp(good, 3, 8, 1)),
                List.of(), Map.of()));
        assertThat(plan.chosen().path()).isEqualTo(good);
        assertThat(plan.tried()).singleElement().asString().contains("chk-9").contains("_metadata");
    }

    @Test
    void reportsCandidatesThatExistedWhenNoneIsUsable() throws IOException {
        RestorePlan plan = resolver.resolve(new RestoreQuery(null, List.of(cp(state("chk-1", false), 1, 1, 1)),
                List.of(), Map.of()));
        assertThat(plan.chosen()).isNull();
        assertThat(plan.candidatesExisted()).isTrue();
        assertThat(resolver.resolve(new RestoreQuery(null, List.of(), List.of(), Map.of())).candidatesExisted())
                .isFalse();
    }

    @Test
    void userPathHasPriorityAndIsNeverSilentlySkipped() throws IOException {
        String newest = state("chk-100", true);
        String user = state("savepoint-user", true);
        RestorePlan plan = resolver.resolve(new RestoreQuery(user, List.of(cp(newest, 9, 100, 9)), List.of(), Map.of()));
        assertThat(plan.chosen().path()).isEqualTo(user);
        RestorePlan bad = resolver.resolve(new RestoreQuery(root() + "/nope", List.of(cp(newest, 9, 100, 9)),
                List.of(), Map.of()));
        assertThat(bad.chosen()).isNull();
        assertThat(bad.tried()).singleElement().asString().contains("nope").contains("user-chosen");
    }

    @Test
    void scannedCheckpointsJoinTheirRunThroughTheFlinkJobIdAndDedupeWithKnownOnes() throws IOException {
        String known = state("job-a/chk-4", true);
        String scannedNewer = state("job-a/chk-6", true);
        RestorePlan plan = resolver.resolve(new RestoreQuery(null, List.of(cp(known, 2, 4, 10)),
                List.of(new ScannedState(scannedNewer, StateKind.CHECKPOINT, "job-a", 6L, 5),
                        new ScannedState(StateFiles.otherSpelling(known), StateKind.CHECKPOINT, "job-a", 4L, 4)),
                Map.of("job-a", 2L)));
        assertThat(plan.chosen().path()).isEqualTo(scannedNewer);
        assertThat(resolver.rank(new RestoreQuery(null, List.of(cp(known, 2, 4, 10)),
                List.of(new ScannedState(StateFiles.otherSpelling(known), StateKind.CHECKPOINT, "job-a", 4L, 4)),
                Map.of("job-a", 2L)))).hasSize(1);
    }
}
