package io.streamis.jobmanager.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** docs/meta-json.md "Precedence": platform group key if set, else the custom Flink key, else the platform default. */
class FlinkConfResolverTest {

    private static final Map<String, String> MAPPED = Map.of(
            "execution.checkpointing.interval", "60000ms",
            "execution.checkpointing.externalized-checkpoint-retention", "RETAIN_ON_CANCELLATION",
            "execution.checkpointing.dir", "file:/state/chk",
            "parallelism.default", "4");

    @Test
    void anExplicitCustomKeyBeatsThePlatformDefault() {
        Map<String, String> custom = Map.of("execution.checkpointing.interval", "2s",
                "execution.checkpointing.externalized-checkpoint-retention", "DELETE_ON_CANCELLATION");
        Map<String, String> out = FlinkConfResolver.applyPrecedence(MAPPED, custom, Map.of(
                "wds.linkis.flink.custom", custom,
                "wds.linkis.flink.produce", Map.of("wds.linkis.flink.checkpoint.switch", "ON")));
        assertThat(out).containsEntry("execution.checkpointing.interval", "2s")
                .containsEntry("execution.checkpointing.externalized-checkpoint-retention", "DELETE_ON_CANCELLATION");
    }

    @Test
    void aProduceGroupKeyThatIsSetBeatsTheCustomKey() {
        Map<String, String> custom = Map.of("execution.checkpointing.interval", "2s");
        Map<String, String> mapped = Map.of("execution.checkpointing.interval", "700ms");
        Map<String, String> out = FlinkConfResolver.applyPrecedence(mapped, custom, Map.of(
                "wds.linkis.flink.custom", custom,
                "wds.linkis.flink.produce", Map.of("wds.linkis.flink.checkpoint.switch", "ON",
                        "wds.linkis.flink.checkpoint.interval", "700")));
        assertThat(out).containsEntry("execution.checkpointing.interval", "700ms");
    }

    @Test
    void theResourceGroupParallelismAndThePlatformStateDirectoryStay() {
        Map<String, String> custom = Map.of("parallelism.default", "8", "execution.checkpointing.dir", "file:/x");
        Map<String, String> out = FlinkConfResolver.applyPrecedence(MAPPED, custom, Map.of(
                "wds.linkis.flink.custom", custom,
                "wds.linkis.flink.resource", Map.of("wds.linkis.flink.app.parallelism", "4")));
        assertThat(out).containsEntry("parallelism.default", "4")
                .containsEntry("execution.checkpointing.dir", "file:/state/chk");
    }
}
