package io.streamis.jobmanager.lease;

import io.streamis.common.error.Text;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The platform's own availability as a person reads it: how many Streamis nodes share this database now and which
 * one leads (runs the monitor, auto-restart and recovery), or that this node is alone, so its jobs are watched only
 * while it runs. One text source for the start inspection's {@code highavailable} entry and
 * {@code /highAvailable/getHAMsg}; the lease and the node registry are the truth, read when asked.
 */
@Component
public class PlatformNodes {

    /** Said of a job on the embedded cluster: it is part of this node's process. */
    public static final Text EMBEDDED = Text.of("inspect.ha.embedded", "The job runs on the embedded Flink"
            + " cluster, which dies with its node: when this node stops, the job stops.");

    private final Leadership leadership;
    private final LeaseMapper leases;

    public PlatformNodes(Leadership leadership, LeaseMapper leases) {
        this.leadership = leadership;
        this.leases = leases;
    }

    /**
     * The nodes now: {@code live} distinct {@code host:port} with a heartbeat younger than one lease period (this
     * node always among them), {@code leader} the lease holder's {@code host:port} (null while nobody holds it).
     */
    public record View(int live, String leader, String self) {
    }

    public View view() {
        String self = instanceOf(leadership.nodeId());
        List<LeaseMapper.Node> nodes = leases.selectLive(leadership.leasePeriodMicros());
        // A process restarted on the same host:port may still have its predecessor's row: one node, not two.
        long others = nodes.stream().map(LeaseMapper.Node::instance).filter(i -> !i.equals(self)).distinct()
                .count();
        Leadership.Status s = leadership.status();
        return new View((int) others + 1, s.leader() == null ? null : instanceOf(s.leader()), self);
    }

    /** The platform side in one sentence (see {@link View}). */
    public Text describe() {
        View v = view();
        if (v.live() <= 1) {
            return Text.of("inspect.ha.single-node", "Platform: a single Streamis node (" + v.self() + "); its jobs"
                    + " are watched (monitor, auto-restart) only while it runs.", v.self());
        }
        if (v.leader() == null) {
            return Text.of("inspect.ha.no-leader", "Platform: " + v.live() + " live Streamis nodes share this"
                    + " database; none leads at this moment (a takeover is under way), so nothing is watched until one does.",
                    v.live());
        }
        return Text.of("inspect.ha.nodes", "Platform: " + v.live() + " live Streamis nodes share this database; "
                + v.leader() + " leads (monitor, auto-restart, recovery) and takes over from a node that fails; this answer"
                + " comes from " + v.self() + ".", v.live(), v.leader(), v.self());
    }

    /** {@code host:port} of a node id ({@code host:port/pid-random}). */
    private static String instanceOf(String nodeId) {
        int slash = nodeId.indexOf('/');
        return slash < 0 ? nodeId : nodeId.substring(0, slash);
    }
}
