package io.streamis.server.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamis.common.job.TaskStatus;
import io.streamis.jobmanager.job.JobMapper;
import io.streamis.jobmanager.lifecycle.StartCause;
import io.streamis.jobmanager.lifecycle.StartService;
import io.streamis.jobmanager.lifecycle.StopService;
import io.streamis.jobmanager.task.TaskMapper;
import io.streamis.jobmanager.upload.JobImportService;
import io.streamis.launcher.client.JobOverview;
import io.streamis.launcher.client.RestFlinkClusterGateway;
import io.streamis.launcher.cluster.FlinkJvmFlags;
import io.streamis.launcher.hadoop.HadoopMiniClusters;
import io.streamis.launcher.launch.JarPackager;
import io.streamis.launcher.launch.JobKind;
import io.streamis.launcher.launch.LaunchSpec;
import io.streamis.launcher.yarn.FlinkRuntimeLibrary;
import io.streamis.launcher.yarn.YarnConnection;
import io.streamis.launcher.yarn.YarnDeploymentSettings;
import io.streamis.server.yarn.YarnServers;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.flink.api.common.JobID;
import org.apache.flink.client.deployment.application.ApplicationConfiguration;
import org.apache.flink.client.program.ClusterClient;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.yarn.YarnClientYarnClusterInformationRetriever;
import org.apache.flink.yarn.YarnClusterClientFactory;
import org.apache.flink.yarn.YarnClusterDescriptor;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Start latency on yarn-application: a platform start (request → task RUNNING, set by the monitor) against the
 * same SQL job deployed directly with {@code YarnClusterDescriptor} and polled on its Flink REST until all tasks
 * run, on the same mini YARN, interleaved. Prints the medians and their ratio. Usage: [rounds, default 5]
 */
public final class YarnStartLatencyBenchmark {

    private YarnStartLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path base = Files.createTempDirectory("streamis-yarn-bench");
        try (HadoopMiniClusters hadoop = HadoopMiniClusters.start(base, true);
             ConfigurableApplicationContext ctx = YarnServers.server(base.resolve("server"), hadoop, "200ms");
             YarnConnection yarn = new YarnConnection("direct", hadoop.confDir().toString())) {
            long jobId = ctx.getBean(JobImportService.class).importZip("admin", "default", "job.zip",
                    new ByteArrayInputStream(YarnServers.sqlZip("bench_job")), null).jobId();
            Path runner = new JarPackager(base.resolve("jars")).sqlRunnerJar();
            FlinkRuntimeLibrary lib = new FlinkRuntimeLibrary(Path.of(System.getProperty("streamis.flinkLibDir",
                    "streamis-flink-lib/target/flink-lib")));
            YarnDeploymentSettings settings = new YarnDeploymentSettings(hadoop.hdfsUri() + "/streamis/state/_flink-lib",
                    System.getProperty("java.home"), FlinkJvmFlags.JAVA_17, base.resolve("yarn-log"));
            List<Long> platform = new ArrayList<>();
            List<Long> direct = new ArrayList<>();
            // One warm-up each (the runtime upload happens once), then interleaved measured rounds.
            for (int i = -1; i < rounds; i++) {
                long p = platformStart(ctx, jobId);
                long d = directStart(yarn, lib, settings, runner, hadoop.hdfsUri(), i);
                if (i >= 0) {
                    platform.add(p);
                    direct.add(d);
                    System.out.printf("round %d: platform %d ms, direct %d ms%n", i + 1, p, d);
                }
            }
            long pm = median(platform);
            long dm = median(direct);
            System.out.printf("yarn-application start → all tasks RUNNING, median of %d: platform %d ms vs direct %d ms"
                    + " → %.2fx%n", rounds, pm, dm, (double) pm / dm);
        }
    }

    private static long platformStart(ConfigurableApplicationContext ctx, long jobId) {
        TaskMapper tasks = ctx.getBean(TaskMapper.class);
        long t0 = System.nanoTime();
        long taskId = ctx.getBean(StartService.class).start(jobId, "admin", null, StartCause.USER).taskId();
        poll(() -> tasks.selectById(taskId).taskStatus() == TaskStatus.RUNNING);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        ctx.getBean(StopService.class).stop(ctx.getBean(JobMapper.class).selectById(jobId), false, "admin").join();
        return ms;
    }

    private static long directStart(YarnConnection yarn, FlinkRuntimeLibrary lib, YarnDeploymentSettings settings,
                                    Path runner, String hdfs, int round) throws Exception {
        String flinkJobId = JobID.generate().toHexString();
        LaunchSpec spec = new LaunchSpec("direct", "bench.direct", JobKind.SQL, YarnServers.SQL, null, null, List.of(),
                List.of(), List.of(), 1, null, false, Map.of(
                        "execution.checkpointing.interval", "1000ms",
                        "execution.checkpointing.dir", hdfs + "/bench/direct/checkpoints",
                        "jobmanager.memory.process.size", "768m",
                        "taskmanager.memory.process.size", "1024m"), "sql",
                new LaunchSpec.Owner(1_000_000 + round, "bench", "direct", "v1", flinkJobId));
        long t0 = System.nanoTime();
        Configuration conf = settings.flinkConfiguration(spec, runner, lib.ensureUploaded(settings.libRoot(),
                yarn.conf()));
        String script = Base64.getEncoder().encodeToString(YarnServers.SQL.getBytes(StandardCharsets.UTF_8));
        try (YarnClusterDescriptor d = new YarnClusterDescriptor(conf, yarn.conf(), yarn.client(),
                YarnClientYarnClusterInformationRetriever.create(yarn.client()), true);
             ClusterClient<ApplicationId> client = d.deployApplicationCluster(
                     new YarnClusterClientFactory().getClusterSpecification(conf),
                     new ApplicationConfiguration(new String[] {script}, "io.streamis.runner.SqlRunner"))
                     .getClusterClient()) {
            String url = client.getWebInterfaceURL();
            RestFlinkClusterGateway rest = new RestFlinkClusterGateway("direct", () -> url, new ObjectMapper());
            poll(() -> {
                try {
                    JobOverview o = rest.jobsOverview().get(flinkJobId);
                    return o != null && o.allTasksRunning();
                } catch (RuntimeException e) {
                    return false;
                }
            });
            long ms = (System.nanoTime() - t0) / 1_000_000;
            client.shutDownCluster();
            return ms;
        }
    }

    private static void poll(BooleanSupplier done) {
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not running within 300 s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static long median(List<Long> xs) {
        List<Long> s = xs.stream().sorted().toList();
        return s.get(s.size() / 2);
    }
}
