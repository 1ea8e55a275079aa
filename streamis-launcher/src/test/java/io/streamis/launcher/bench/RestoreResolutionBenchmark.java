package io.streamis.launcher.bench;

import io.streamis.launcher.state.FileSystemStateStorage;
import io.streamis.launcher.state.RestorePlan;
import io.streamis.launcher.state.RestorePointResolver;
import io.streamis.launcher.state.RestoreQuery;
import io.streamis.launcher.state.ScannedState;
import io.streamis.launcher.state.StateKind;
import io.streamis.launcher.state.StatePoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.io.FileUtils;

/**
 * Restore-point resolution over a state directory with 10,000 checkpoint folders (100 runs × 100 chk-N, every
 * 10th without _metadata) plus 50 carried states: scan + rank + verify. Prints timings; target < 200 ms.
 * Run: mvn -pl streamis-launcher test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=...
 */
public final class RestoreResolutionBenchmark {

    public static void main(String[] args) throws Exception {
        Path root = Files.createTempDirectory("restore-bench");
        try {
            Path ck = root.resolve("checkpoints");
            Map<String, Long> runs = new HashMap<>();
            List<StatePoint> known = new ArrayList<>();
            for (int run = 0; run < 100; run++) {
                String jobId = String.format("%032x", run);
                runs.put(jobId, (long) run);
                for (int n = 1; n <= 100; n++) {
                    Path chk = Files.createDirectories(ck.resolve(jobId).resolve("chk-" + n));
                    if (n % 10 != 0) {
                        Files.writeString(chk.resolve("_metadata"), "m");
                    }
                    if (n > 99 && known.size() < 50) {
                        known.add(new StatePoint(chk.toUri().toString(), StateKind.CHECKPOINT, "periodic",
                                (long) run, (long) n, run * 1000L + n, "v00001"));
                    }
                }
            }
            Files.createDirectories(root.resolve("savepoints"));
            FileSystemStateStorage storage = new FileSystemStateStorage();
            RestorePointResolver resolver = new RestorePointResolver(storage);
            for (int i = 0; i < 3; i++) {
                run(storage, resolver, ck, root, known, runs, false);
            }
            List<Long> times = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                times.add(run(storage, resolver, ck, root, known, runs, i == 9));
            }
            times.sort(Long::compare);
            System.out.printf("restore resolution over 10,000 chk folders: median %.1f ms, max %.1f ms%n",
                    times.get(5) / 1e6, times.get(9) / 1e6);
        } finally {
            FileUtils.deleteQuietly(root.toFile());
        }
    }

    private static long run(FileSystemStateStorage storage, RestorePointResolver resolver, Path ck, Path root,
                            List<StatePoint> known, Map<String, Long> runs, boolean print) {
        long t0 = System.nanoTime();
        List<ScannedState> scanned = storage.scan(ck.toUri(), root.resolve("savepoints").toUri());
        RestorePlan plan = resolver.resolve(new RestoreQuery(null, known, scanned, runs));
        long t = System.nanoTime() - t0;
        if (print) {
            System.out.printf("scanned %d usable checkpoints, chose %s, tried %d%n", scanned.size(),
                    plan.chosen().path().replace(root.toUri().toString(), ""), plan.tried().size());
        }
        return t;
    }
}
