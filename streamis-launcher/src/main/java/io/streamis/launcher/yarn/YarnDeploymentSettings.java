package io.streamis.launcher.yarn;

import io.streamis.launcher.launch.LaunchSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;

/**
 * The Flink configuration of one YARN application: what a flink-dist {@code config.yaml} would have said (JVM
 * flags, log config), where the runtime and the job's jar come from, how the application is named and tagged,
 * and the job's own settings (resources, queue, checkpointing) on top. Pure, so a contract test checks the keys.
 *
 * @param libRoot  where the Flink runtime is uploaded (a directory on the cluster's file system)
 * @param javaHome JAVA_HOME for the containers, or null for the NodeManager's
 * @param jvmFlags Flink's Java 17 module flags (flink-notes P6)
 * @param logDir   local dir for the container log4j configuration the client ships
 * @param installationTag this installation's tag ({@link YarnTags#installation}), or null to leave it out
 */
public record YarnDeploymentSettings(String libRoot, String javaHome, String jvmFlags, Path logDir,
                                     String installationTag) {

    public YarnDeploymentSettings(String libRoot, String javaHome, String jvmFlags, Path logDir) {
        this(libRoot, javaHome, jvmFlags, logDir, null);
    }

    /** Defaults when the job's resource group says nothing (a 1-slot TaskManager, yarn-hdfs-notes §3). */
    static final Map<String, String> DEFAULTS = Map.of(
            "jobmanager.memory.process.size", "1024m",
            "taskmanager.memory.process.size", "1024m",
            "taskmanager.numberOfTaskSlots", "1");

    public Configuration flinkConfiguration(LaunchSpec spec, Path jar, String providedLibDir) {
        Map<String, String> m = new LinkedHashMap<>(DEFAULTS);
        m.putAll(spec.flinkConfiguration());
        m.put("execution.target", "yarn-application");
        m.put("pipeline.name", spec.pipelineName());
        m.put("pipeline.jars", jar.toUri().toString());
        // Our job id, so the run can be found (and matched after a crash) before Flink reports anything.
        m.put("$internal.pipeline.job-id", spec.owner().flinkJobId());
        m.put("yarn.provided.lib.dirs", providedLibDir);
        m.put("yarn.application.name", YarnTags.applicationName(spec.owner()));
        m.put("yarn.tags", String.join(",", YarnTags.of(spec.owner(), installationTag)));
        m.put("yarn.application-attempts", "1");
        // Keep the JobManager up after the job ends so a stop-with-savepoint's result can still be read; the
        // platform shuts the application down itself once it has recorded the outcome.
        m.put("execution.shutdown-on-application-finish", "false");
        m.put("env.java.default-opts.all", jvmFlags);
        m.put("cluster.registration.error-delay", "1000");
        m.put("$internal.yarn.log-config-file", log4jFile().toString());
        if (javaHome != null && !javaHome.isBlank()) {
            m.put("containerized.master.env.JAVA_HOME", javaHome);
            m.put("containerized.taskmanager.env.JAVA_HOME", javaHome);
        }
        if (spec.parallelism() != null) {
            m.put("parallelism.default", String.valueOf(spec.parallelism()));
        }
        if (spec.restorePath() != null) {
            m.put("execution.savepoint.path", spec.restorePath());
            m.put("execution.savepoint.ignore-unclaimed-state", String.valueOf(spec.allowNonRestoredState()));
        }
        return Configuration.fromMap(m);
    }

    /** Keys whose values the deployment generated, for logs and the contract test. */
    public static List<String> generatedKeys() {
        return List.of("execution.target", "pipeline.jars", "$internal.pipeline.job-id", "yarn.provided.lib.dirs",
                "yarn.application.name", "yarn.tags", "execution.shutdown-on-application-finish",
                "env.java.default-opts.all", "$internal.yarn.log-config-file");
    }

    /** Container logs go to {@code jobmanager.log}/{@code taskmanager.log} in the container log dir. */
    private Path log4jFile() {
        // Flink picks the logging framework by the file name: it must end in log4j.properties.
        Path f = logDir.resolve("log4j.properties");
        if (!Files.isRegularFile(f)) {
            try {
                Files.createDirectories(logDir);
                Files.writeString(f, String.join("\n",
                        "rootLogger.level = INFO",
                        "rootLogger.appenderRef.main.ref = MainAppender",
                        "appender.main.name = MainAppender",
                        "appender.main.type = RollingFile",
                        "appender.main.append = true",
                        "appender.main.fileName = ${sys:log.file}",
                        "appender.main.filePattern = ${sys:log.file}.%i",
                        "appender.main.layout.type = PatternLayout",
                        "appender.main.layout.pattern = %d{yyyy-MM-dd HH:mm:ss,SSS} %-5p %-60c %x - %m%n",
                        "appender.main.policies.type = Policies",
                        "appender.main.policies.size.type = SizeBasedTriggeringPolicy",
                        "appender.main.policies.size.size = 100MB",
                        "appender.main.strategy.type = DefaultRolloverStrategy",
                        "appender.main.strategy.max = 10",
                        "logger.hadoop.name = org.apache.hadoop",
                        "logger.hadoop.level = WARN", ""), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return f;
    }
}
