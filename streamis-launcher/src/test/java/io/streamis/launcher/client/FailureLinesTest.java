package io.streamis.launcher.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bounded excerpt a failure diagnosis reads from a JobManager log. */
class FailureLinesTest {

    private static List<String> excerpt(String log, int maxLines, int maxChars) {
        FailureLines lines = new FailureLines(maxLines, maxChars);
        byte[] bytes = log.getBytes(StandardCharsets.UTF_8);
        // Written in uneven chunks, as a log reader hands them over.
        for (int i = 0; i < bytes.length; i += 7) {
            lines.write(bytes, i, Math.min(7, bytes.length - i));
        }
        lines.close();
        return lines.lines();
    }

    @Test
    void keepsErrorsCausesAndContainerDiagnosticsButNotInfoOrStackFrames() {
        String log = """
                2026-11-30 09:00:00,000 INFO  org.apache.flink.runtime.entrypoint.ClusterEntrypoint [] - Starting
                2026-11-30 09:00:01,000 WARN  org.apache.flink.runtime.util.HadoopUtils [] - Could not find Hadoop
                2026-11-30 09:00:02,000 ERROR org.apache.flink.runtime.entrypoint.ClusterEntrypoint [] - Fatal error.
                java.util.concurrent.CompletionException: org.apache.flink.client.deployment.application.ApplicationExecutionException: Could not execute application.
                \tat java.base/java.util.concurrent.CompletableFuture.encodeThrowable(CompletableFuture.java:315)
                Caused by: org.apache.flink.table.api.ValidationException: Could not find any factory for identifier 'nope' that implements 'org.apache.flink.table.factories.DynamicTableFactory' in the classpath.
                \tat org.apache.flink.table.factories.FactoryUtil.discoverFactory(FactoryUtil.java:608)
                \t... 12 more
                Available factory identifiers are:
                blackhole
                2026-11-30 09:00:03,000 INFO  org.apache.flink.yarn.YarnResourceManagerDriver [] - Worker container_1_0001_01_000002 is terminated. Diagnostics: Container [pid=1,containerID=c] is running beyond physical memory limits.
                2026-11-30 09:00:04,000 INFO  org.apache.flink.runtime.entrypoint.ClusterEntrypoint [] - Terminating with exit code 2.
                """;
        assertThat(excerpt(log, 50, 1000)).containsExactly(
                "2026-11-30 09:00:01,000 WARN  org.apache.flink.runtime.util.HadoopUtils [] - Could not find Hadoop",
                "2026-11-30 09:00:02,000 ERROR org.apache.flink.runtime.entrypoint.ClusterEntrypoint [] - Fatal error.",
                "java.util.concurrent.CompletionException: org.apache.flink.client.deployment.application"
                        + ".ApplicationExecutionException: Could not execute application.",
                "Caused by: org.apache.flink.table.api.ValidationException: Could not find any factory for identifier"
                        + " 'nope' that implements 'org.apache.flink.table.factories.DynamicTableFactory' in the"
                        + " classpath.",
                "2026-11-30 09:00:03,000 INFO  org.apache.flink.yarn.YarnResourceManagerDriver [] - Worker"
                        + " container_1_0001_01_000002 is terminated. Diagnostics: Container [pid=1,containerID=c] is"
                        + " running beyond physical memory limits.",
                "2026-11-30 09:00:04,000 INFO  org.apache.flink.runtime.entrypoint.ClusterEntrypoint [] - Terminating"
                        + " with exit code 2.");
    }

    @Test
    void keepsOnlyTheLastLinesEachCutWhateverTheLogsSize() {
        FailureLines lines = new FailureLines(20, 200);
        try (PrintStream out = new PrintStream(lines, false, StandardCharsets.UTF_8)) {
            String huge = "x".repeat(5 * 1024 * 1024);
            out.println("ERROR one line of five MB " + huge);
            for (int i = 0; i < 100_000; i++) {
                out.println("2026-11-30 INFO  chatter " + i);
                out.println("2026-11-30 ERROR failure " + i);
                out.println("\tat some.Frame(Frame.java:" + i + ")");
            }
            out.print("Caused by: java.lang.ClassNotFoundException: com.example.Missing"); // no final newline
        }
        List<String> kept = lines.lines();
        assertThat(kept).hasSize(20);
        assertThat(kept.get(0)).isEqualTo("2026-11-30 ERROR failure 99981");
        assertThat(kept.get(18)).isEqualTo("2026-11-30 ERROR failure 99999");
        assertThat(kept.get(19)).isEqualTo("Caused by: java.lang.ClassNotFoundException: com.example.Missing");

        List<String> cut = excerpt("ERROR " + "y".repeat(10_000) + "\nERROR short\n", 5, 100);
        assertThat(cut.get(0)).hasSize(100 + 2).endsWith(" …");
        assertThat(cut.get(1)).isEqualTo("ERROR short");
    }

    @Test
    void masksSecretValuesButKeepsTheMessage() {
        List<String> kept = excerpt("""
                2026 ERROR Kafka login failed: sasl.jaas.config="org.apache.kafka.common.security.plain.PlainLoginModule required username='u' password='p4ss';" rejected
                2026 WARN  Connecting with password=hunter2, user=alice
                2026 ERROR Token: abc123def expired (SaslAuthenticationException)
                """, 10, 1000);
        assertThat(String.join("\n", kept)).doesNotContain("hunter2").doesNotContain("p4ss")
                .doesNotContain("abc123def").contains("user=alice").contains("SaslAuthenticationException")
                .contains("password=******");
    }
}
