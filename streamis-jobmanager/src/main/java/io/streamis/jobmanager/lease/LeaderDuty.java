package io.streamis.jobmanager.lease;

/**
 * Work a node takes on when it becomes the leader: settling what nodes that stopped left behind. Runs in
 * {@code @Order} order, synchronously at the first term of a process (so a single node has recovered before it
 * reports itself started) and on a background thread at later takeovers.
 */
public interface LeaderDuty {

    /**
     * @param epoch     the term's epoch; every write this duty makes as leader is fenced with it
     * @param firstTerm the first term of this process: work an earlier process of this same node left is
     *                  settled only then (later, this node's own in-flight work is alive)
     */
    void takeOver(long epoch, boolean firstTerm);
}
