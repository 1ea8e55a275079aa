package io.streamis.server.testjob;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/** A stateful DataStream job used as a user jar in tests: datagen → keyBy → ValueState counter → discard. */
public final class CountJob {

    private CountJob() {
    }

    public static void main(String[] args) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        int rate = 50;
        String failOnce = null;
        String hold = null;
        String mainWaits = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            if ("--rate".equals(args[i])) {
                rate = Integer.parseInt(args[i + 1]);
            } else if ("--fail-once".equals(args[i])) {
                failOnce = args[i + 1];
            } else if ("--hold".equals(args[i])) {
                hold = args[i + 1];
            } else if ("--main-waits".equals(args[i])) {
                mainWaits = args[i + 1];
            }
        }
        if (mainWaits != null) {
            awaitRemoved(java.nio.file.Path.of(mainWaits));
        }
        DataGeneratorSource<Long> source = new DataGeneratorSource<>(i -> i, Long.MAX_VALUE,
                RateLimiterStrategy.perSecond(rate), Types.LONG);
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "numbers").uid("numbers")
                .keyBy(v -> v % 10)
                .map(new Counter(failOnce, hold)).uid("counter")
                .sinkTo(new DiscardingSink<>()).uid("sink");
        env.execute("count-job");
    }

    /**
     * With {@code --main-waits <file>} the program's main (which a session cluster runs inside its run request)
     * says it began by creating {@code <file>.entered} and waits, at most two minutes, while {@code <file>}
     * exists: a launch request held open on cue, so a test can kill the server that sent it.
     */
    private static void awaitRemoved(java.nio.file.Path file) throws Exception {
        java.nio.file.Files.writeString(file.resolveSibling(file.getFileName() + ".entered"), "main entered\n");
        long deadline = System.nanoTime() + java.time.Duration.ofMinutes(2).toNanos();
        while (java.nio.file.Files.exists(file) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    /**
     * Counts per key in keyed state. With {@code --fail-once <file>} the job fails once when a test creates that
     * file (it is deleted first, so the restarted run goes on): a failure on cue, on any cluster of this machine.
     * With {@code --hold <file>} it stops processing while that file exists, so a savepoint's barrier cannot pass
     * and the savepoint stays pending until the test deletes the file: a slow savepoint on cue.
     */
    static final class Counter extends RichMapFunction<Long, Long> {
        private final String failOnce;
        private final String hold;
        private transient ValueState<Long> count;

        Counter(String failOnce, String hold) {
            this.failOnce = failOnce;
            this.hold = hold;
        }

        @Override
        public void open(OpenContext ctx) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.LONG));
        }

        @Override
        public Long map(Long v) throws Exception {
            if (failOnce != null && java.nio.file.Files.deleteIfExists(java.nio.file.Path.of(failOnce))) {
                throw new IllegalStateException("failing once on purpose (" + failOnce + ")");
            }
            while (hold != null && java.nio.file.Files.exists(java.nio.file.Path.of(hold))) {
                Thread.sleep(20);
            }
            long c = count.value() == null ? 1 : count.value() + 1;
            count.update(c);
            return c;
        }
    }
}
