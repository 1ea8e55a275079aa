package io.streamis.launcher.hadoop;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import sun.misc.Signal;

/**
 * A single-node HDFS + YARN for trying the YARN target without a Hadoop installation ({@code bin/dev-hadoop.sh}).
 * It prints how to point a {@code yarn-application} cluster at it. SIGTERM/SIGINT stop YARN, then HDFS, then
 * exit, with a watchdog that halts the JVM if a stop hangs (stopping HDFS from a shutdown hook fails).
 */
public final class DevHadoopCluster {

    private DevHadoopCluster() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "data/dev-hadoop").toAbsolutePath();
        Files.createDirectories(dir);
        HadoopMiniClusters hadoop = HadoopMiniClusters.start(dir, true);
        CountDownLatch stop = new CountDownLatch(1);
        Signal.handle(new Signal("TERM"), s -> stop.countDown());
        Signal.handle(new Signal("INT"), s -> stop.countDown());
        System.out.printf("""
                Single-node HDFS + YARN is up (Ctrl-C or SIGTERM stops it).
                  HDFS:        %s
                  conf dir:    %s
                Point Streamis at it (conf/application.yml, or the same keys as --options):
                  streamis:
                    launcher:
                      default-cluster: yarn
                      flink-lib-dir: %s
                      clusters:
                        yarn:
                          type: yarn-application
                          hadoop-conf-dir: %s
                          state-root: %s/streamis/state
                          java-home: %s
                Note: the ResourceManager's web pages answer 404 in this single-JVM set-up; the platform uses RPC.
                %n""", hadoop.hdfsUri(), hadoop.confDir(),
                Path.of(System.getProperty("streamis.flinkLibDir", "streamis-flink-lib/target/flink-lib")).toAbsolutePath(), hadoop.confDir(), hadoop.hdfsUri(),
                System.getProperty("java.home"));
        stop.await();
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                return;
            }
            Runtime.getRuntime().halt(1);
        });
        watchdog.setDaemon(true);
        watchdog.start();
        hadoop.close();
        System.out.println("Stopped.");
        System.exit(0);
    }
}
