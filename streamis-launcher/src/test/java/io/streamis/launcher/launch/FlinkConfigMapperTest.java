package io.streamis.launcher.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlinkConfigMapperTest {

    static final URI DIR = URI.create("file:///state/p/j/checkpoints");

    @Test
    void mapsResourceCustomAndCheckpointingAndReportsWhatCannotApply() {
        MappedConfig m = FlinkConfigMapper.map(Map.of(
                "wds.linkis.flink.resource", Map.of("wds.linkis.flink.app.parallelism", "3",
                        "wds.linkis.flink.jobmanager.memory", "2048", "wds.linkis.rm.yarnqueue", ""),
                "wds.linkis.flink.custom", Map.of("table.exec.state.ttl", "1h"),
                "wds.linkis.flink.produce", Map.of("wds.linkis.flink.checkpoint.switch", "ON",
                        "wds.linkis.flink.checkpoint.interval", "5000", "wds.linkis.flink.checkpoint.timeout", "10min")),
                DIR);
        assertThat(m.parallelism()).isEqualTo(3);
        assertThat(m.flinkConfiguration()).containsEntry("table.exec.state.ttl", "1h")
                .containsEntry("parallelism.default", "3")
                .containsEntry("execution.checkpointing.interval", "5000ms")
                .containsEntry("execution.checkpointing.externalized-checkpoint-retention", "RETAIN_ON_CANCELLATION")
                .containsEntry("execution.checkpointing.dir", DIR.toString())
                .containsEntry("execution.checkpointing.timeout", "10min")
                .doesNotContainKey("execution.checkpointing.switch");
        assertThat(m.notApplied()).singleElement().asString().startsWith("wds.linkis.flink.jobmanager.memory=2048");
    }

    @Test
    void checkpointingOffMeansNoCheckpointKeys() {
        MappedConfig m = FlinkConfigMapper.map(Map.of("wds.linkis.flink.produce",
                Map.of("wds.linkis.flink.checkpoint.switch", "OFF")), DIR);
        assertThat(m.flinkConfiguration().keySet()).noneMatch(k -> k.startsWith("execution.checkpointing"));
        assertThat(m.parallelism()).isNull();
    }
}
