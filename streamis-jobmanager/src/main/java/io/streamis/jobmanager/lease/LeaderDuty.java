package io.streamis.jobmanager.lease;

/**
 * Work a node takes on when it becomes the leader: settling what processes that stopped left behind (see
 * {@link Leadership#orphans()}). Runs in {@code @Order} order, synchronously when a process leads from its start
 * (so a single node has recovered before it reports itself started), on a background thread at later takeovers.
 */
public interface LeaderDuty {

    /** @param epoch the term's epoch; every write this duty makes as leader is fenced with it */
    void takeOver(long epoch);
}
