package io.streamis.launcher.yarn;

import io.streamis.common.error.ErrorCode;
import io.streamis.launcher.client.FlinkClusterException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.apache.hadoop.yarn.conf.YarnConfiguration;

/**
 * One ResourceManager: its configuration (read from a Hadoop conf dir, as every Hadoop client does) and one
 * long-lived {@link YarnClient}. RM calls fail fast instead of retrying for minutes, so an unreachable
 * ResourceManager is an error on the start, not a hung request.
 */
public class YarnConnection implements AutoCloseable {

    static final Set<String> FLINK_TYPES = Set.of("Apache Flink");
    static final EnumSet<YarnApplicationState> LIVE = EnumSet.of(YarnApplicationState.NEW,
            YarnApplicationState.NEW_SAVING, YarnApplicationState.SUBMITTED, YarnApplicationState.ACCEPTED,
            YarnApplicationState.RUNNING);
    static final EnumSet<YarnApplicationState> ENDED = EnumSet.of(YarnApplicationState.FINISHED,
            YarnApplicationState.FAILED, YarnApplicationState.KILLED);

    private final String cluster;
    private final YarnConfiguration conf;
    private final Path confDir;
    private volatile YarnClient client;

    public YarnConnection(String cluster, String hadoopConfDir) {
        this(cluster, hadoopConfDir, System::getenv);
    }

    /**
     * {@code env}: the process environment, where the conf dir falls back to; a parameter because a test cannot
     * set the JVM's own environment variables.
     */
    YarnConnection(String cluster, String hadoopConfDir, Function<String, String> env) {
        this.cluster = cluster;
        this.confDir = resolveConfDir(cluster, hadoopConfDir, env);
        YarnConfiguration c = new YarnConfiguration();
        for (String f : List.of("core-site.xml", "hdfs-site.xml", "yarn-site.xml")) {
            Path p = confDir.resolve(f);
            if (Files.isRegularFile(p)) {
                c.addResource(new org.apache.hadoop.fs.Path(p.toUri()));
            }
        }
        // Fail within seconds when the RM is down; Hadoop's defaults retry for 15 minutes. A site file's own
        // value wins.
        defaultUnlessSiteSets(c, "yarn.resourcemanager.connect.max-wait.ms", "5000");
        defaultUnlessSiteSets(c, "yarn.resourcemanager.connect.retry-interval.ms", "1000");
        defaultUnlessSiteSets(c, "ipc.client.connect.max.retries", "1");
        defaultUnlessSiteSets(c, "ipc.client.connect.max.retries.on.timeouts", "2");
        this.conf = c;
    }

    private static void defaultUnlessSiteSets(YarnConfiguration c, String key, String value) {
        String[] sources = c.getPropertySources(key);
        boolean fromSite = sources != null && java.util.Arrays.stream(sources).anyMatch(s -> s.contains("-site.xml"));
        if (!fromSite) {
            c.set(key, value);
        }
    }

    /**
     * The cluster's own {@code hadoop-conf-dir}, else {@code HADOOP_CONF_DIR}, else {@code YARN_CONF_DIR} (a blank
     * variable counts as unset, as Hadoop's scripts treat it). A source that names a missing directory is an error,
     * not a reason to try the next one: silently reading another cluster's site files would be worse.
     */
    private static Path resolveConfDir(String cluster, String configured, Function<String, String> env) {
        String setting = "streamis.launcher.clusters." + cluster + ".hadoop-conf-dir";
        String source;
        String dir;
        if (configured != null && !configured.isBlank()) {
            source = setting;
            dir = configured;
        } else if (nonBlank(env.apply("HADOOP_CONF_DIR"))) {
            source = "HADOOP_CONF_DIR";
            dir = env.apply("HADOOP_CONF_DIR");
        } else if (nonBlank(env.apply("YARN_CONF_DIR"))) {
            source = "YARN_CONF_DIR";
            dir = env.apply("YARN_CONF_DIR");
        } else {
            throw new IllegalStateException("Flink cluster '" + cluster + "' needs a Hadoop configuration directory"
                    + " (core-site.xml, yarn-site.xml): set " + setting + ", or HADOOP_CONF_DIR or YARN_CONF_DIR in"
                    + " the server's environment");
        }
        if (!new File(dir).isDirectory()) {
            throw new IllegalStateException("Flink cluster '" + cluster + "' needs a Hadoop configuration directory: "
                    + source + " = " + dir + " is not a directory");
        }
        return Path.of(dir).toAbsolutePath();
    }

    private static boolean nonBlank(String s) {
        return s != null && !s.isBlank();
    }

    public YarnConfiguration conf() {
        return conf;
    }

    public Path confDir() {
        return confDir;
    }

    public YarnClient client() {
        YarnClient c = client;
        if (c == null) {
            synchronized (this) {
                if (client == null) {
                    YarnClient y = YarnClient.createYarnClient();
                    y.init(conf);
                    y.start();
                    client = y;
                }
                c = client;
            }
        }
        return c;
    }

    /** The platform's live Flink applications carrying {@code tag}: one RM call. */
    public List<ApplicationReport> liveApplications(String tag) {
        try {
            return client().getApplications(FLINK_TYPES, LIVE, Set.of(tag));
        } catch (Exception e) {
            throw unavailable("list applications", e);
        }
    }

    /** The platform's ended Flink applications carrying {@code tag}: one RM call. */
    public List<ApplicationReport> endedApplications(String tag) {
        try {
            return client().getApplications(FLINK_TYPES, ENDED, Set.of(tag));
        } catch (Exception e) {
            throw unavailable("list ended applications", e);
        }
    }

    public ApplicationReport report(String applicationId) {
        try {
            return client().getApplicationReport(ApplicationId.fromString(applicationId));
        } catch (Exception e) {
            throw unavailable("read application " + applicationId, e);
        }
    }

    public void kill(String applicationId) {
        try {
            client().killApplication(ApplicationId.fromString(applicationId));
        } catch (Exception e) {
            throw unavailable("kill application " + applicationId, e);
        }
    }

    FlinkClusterException unavailable(String what, Exception e) {
        return new FlinkClusterException(ErrorCode.FLINK_UNAVAILABLE, 0, "YARN ResourceManager of cluster '"
                + cluster + "' (" + conf.get(YarnConfiguration.RM_ADDRESS) + ") could not " + what + ": "
                + e.getMessage());
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.stop();
            client = null;
        }
    }
}
