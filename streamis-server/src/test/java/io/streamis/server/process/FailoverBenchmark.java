package io.streamis.server.process;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamis.server.support.MariaDbSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.io.FileUtils;

/**
 * Failover time: two server processes on one MariaDB schema; the leader is killed ({@code kill -9}) and the time
 * until the other node leads (its first term began and its takeover duties started) is measured, {@code rounds}
 * times (the killed node is started again as the follower in between). Prints each round and the median.
 * Usage: FailoverBenchmark [rounds, default 5] [lease period, default 15s]
 */
public final class FailoverBenchmark {

    private FailoverBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        String lease = args.length > 1 ? args[1] : "15s";
        MariaDbSchema schema = new MariaDbSchema();
        String url = schema.create();
        Path root = Files.createTempDirectory("streamis-failover");
        String[] nodeArgs = {
            "--spring.datasource.url=" + url,
            "--spring.datasource.username=" + MariaDbSchema.USER,
            "--spring.datasource.password=" + MariaDbSchema.PASSWORD,
            "--streamis.launcher.embedded.enabled=false",
            "--streamis.launcher.default-cluster=standalone",
            "--streamis.launcher.clusters.standalone.type=standalone",
            "--streamis.launcher.clusters.standalone.rest-url=http://127.0.0.1:9",
            "--streamis.jobmanager.lease.period=" + lease};
        ServerProcess[] nodes = new ServerProcess[2];
        Path[] dirs = {root.resolve("a"), root.resolve("b")};
        List<Long> millis = new ArrayList<>();
        try {
            nodes[0] = ServerProcess.start(dirs[0], nodeArgs);
            nodes[1] = ServerProcess.start(dirs[1], nodeArgs);
            for (int round = 1; round <= rounds; round++) {
                int leader = awaitLeader(nodes);
                int other = 1 - leader;
                long killed = System.nanoTime();
                nodes[leader].kill();
                while (!leading(nodes[other])) {
                    Thread.sleep(20);
                }
                long ms = (System.nanoTime() - killed) / 1_000_000;
                millis.add(ms);
                System.out.printf("round %d: leader killed -> other node leads after %d ms (lease %s)%n", round, ms,
                        lease);
                nodes[leader] = ServerProcess.start(dirs[leader], nodeArgs);
            }
            List<Long> sorted = millis.stream().sorted().toList();
            System.out.printf("failover (lease %s): median %d ms, min %d ms, max %d ms over %d rounds%n", lease,
                    sorted.get(sorted.size() / 2), sorted.get(0), sorted.get(sorted.size() - 1), sorted.size());
        } finally {
            for (ServerProcess n : nodes) {
                if (n != null) {
                    n.close();
                }
            }
            schema.drop();
            FileUtils.deleteQuietly(root.toFile());
        }
    }

    private static int awaitLeader(ServerProcess[] nodes) throws Exception {
        for (int i = 0; i < 600; i++) {
            for (int n = 0; n < nodes.length; n++) {
                if (leading(nodes[n])) {
                    return n;
                }
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("no node leads");
    }

    private static boolean leading(ServerProcess node) {
        try {
            JsonNode l = node.leadership();
            return l.path("leading").asBoolean();
        } catch (Exception e) {
            return false;
        }
    }
}
