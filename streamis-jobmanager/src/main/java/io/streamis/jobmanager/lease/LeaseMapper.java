package io.streamis.jobmanager.lease;

import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * The leader lease ({@code streamis_lease}, one row named {@code leader}) and the node registry
 * ({@code streamis_node}). Every time is the database's: nodes with skewed clocks still agree.
 */
@Mapper
public interface LeaseMapper {

    String NOW = "CURRENT_TIMESTAMP(3)";
    String UNTIL = "TIMESTAMPADD(MICROSECOND, #{micros}, " + NOW + ")";
    /** The condition every fenced write carries: this node still holds the lease at this epoch. */
    String HELD = "SELECT 1 FROM streamis_lease l WHERE l.name = 'leader' AND l.holder = #{holder}"
            + " AND l.epoch = #{epoch} AND l.expires_at > " + NOW;

    /** The lease as it is now, with the database's clock. */
    record Lease(String holder, long epoch, LocalDateTime acquiredAt, LocalDateTime expiresAt, LocalDateTime now) {
        public boolean live() {
            return holder != null && expiresAt != null && expiresAt.isAfter(now);
        }
    }

    record Node(String nodeId, String instance, boolean embedded, LocalDateTime startedAt,
                LocalDateTime heartbeatAt) {
    }

    /**
     * Takes a free or lapsed lease with the next epoch, or one a crashed earlier process of this very node left
     * ({@code previousSelf}, a LIKE pattern; empty when there is no such proof); 1 when taken.
     */
    @Update("UPDATE streamis_lease SET holder = #{holder}, epoch = epoch + 1, acquired_at = " + NOW + ","
            + " expires_at = " + UNTIL + " WHERE name = 'leader' AND (holder IS NULL OR expires_at <= " + NOW
            + " OR holder LIKE #{previousSelf})")
    int acquire(@Param("holder") String holder, @Param("micros") long micros,
                @Param("previousSelf") String previousSelf);

    /** Extends the lease of its holder; 0 when another node took it meanwhile (a new epoch). */
    @Update("UPDATE streamis_lease SET expires_at = " + UNTIL
            + " WHERE name = 'leader' AND holder = #{holder} AND epoch = #{epoch}")
    int renew(@Param("holder") String holder, @Param("epoch") long epoch, @Param("micros") long micros);

    @Update("UPDATE streamis_lease SET holder = NULL, expires_at = " + NOW
            + " WHERE name = 'leader' AND holder = #{holder} AND epoch = #{epoch}")
    int release(@Param("holder") String holder, @Param("epoch") long epoch);

    @Select("SELECT holder, epoch, acquired_at, expires_at, " + NOW + " AS now FROM streamis_lease"
            + " WHERE name = 'leader'")
    Lease current();

    /**
     * Locks the lease row if this node still holds it at {@code epoch} (null otherwise); called inside the
     * transaction of a leader's action, so a takeover waits until that action committed or is refused.
     */
    @Select("SELECT epoch FROM streamis_lease WHERE name = 'leader' AND holder = #{holder} AND epoch = #{epoch}"
            + " AND expires_at > " + NOW + " FOR UPDATE")
    Long lockHeld(@Param("holder") String holder, @Param("epoch") long epoch);

    @Update("UPDATE streamis_node SET heartbeat_at = " + NOW + ", embedded = #{embedded} WHERE node_id = #{nodeId}")
    int heartbeat(@Param("nodeId") String nodeId, @Param("embedded") boolean embedded);

    @Insert("INSERT INTO streamis_node (node_id, instance, embedded, started_at, heartbeat_at)"
            + " VALUES (#{nodeId}, #{instance}, #{embedded}, " + NOW + ", " + NOW + ")")
    int register(@Param("nodeId") String nodeId, @Param("instance") String instance,
                 @Param("embedded") boolean embedded);

    /** Nodes other than {@code nodeId} whose heartbeat is younger than {@code micros}. */
    @Select("SELECT node_id, instance, embedded, started_at, heartbeat_at FROM streamis_node"
            + " WHERE node_id <> #{nodeId} AND heartbeat_at > TIMESTAMPADD(MICROSECOND, -#{micros}, " + NOW + ")"
            + " ORDER BY node_id")
    List<Node> selectLiveOthers(@Param("nodeId") String nodeId, @Param("micros") long micros);

    /** Every node whose heartbeat is younger than {@code micros}, this one included. */
    @Select("SELECT node_id, instance, embedded, started_at, heartbeat_at FROM streamis_node"
            + " WHERE heartbeat_at > TIMESTAMPADD(MICROSECOND, -#{micros}, " + NOW + ") ORDER BY node_id")
    List<Node> selectLive(@Param("micros") long micros);

    @Delete("DELETE FROM streamis_node WHERE node_id = #{nodeId}")
    int unregister(@Param("nodeId") String nodeId);

    /** Rows of nodes silent for much longer than a lease: they are gone. */
    @Delete("DELETE FROM streamis_node WHERE heartbeat_at < TIMESTAMPADD(MICROSECOND, -#{micros}, " + NOW + ")")
    int forgetSilent(@Param("micros") long micros);
}
