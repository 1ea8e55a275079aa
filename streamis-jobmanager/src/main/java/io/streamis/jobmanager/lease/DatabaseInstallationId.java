package io.streamis.jobmanager.lease;

import io.streamis.launcher.cluster.InstallationId;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The installation's id, kept in its database so every node reads the same one: the first node to ask writes a
 * random id, a node that loses that race reads the winner's. It never changes afterwards (the YARN applications
 * deployed under it are found by it).
 */
@Component
public class DatabaseInstallationId implements InstallationId {

    private final InstallationMapper mapper;
    private volatile String id;

    public DatabaseInstallationId(InstallationMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public String get() {
        String known = id;
        if (known == null) {
            synchronized (this) {
                if (id == null) {
                    id = readOrCreate();
                }
                known = id;
            }
        }
        return known;
    }

    private String readOrCreate() {
        String stored = mapper.selectId();
        if (stored != null) {
            return stored;
        }
        try {
            mapper.insertId(UUID.randomUUID().toString().replace("-", ""));
        } catch (RuntimeException insertFailed) {
            // Usually another node wrote the id first (primary key); the row decides, whoever wrote it.
            String winner = mapper.selectId();
            if (winner != null) {
                return winner;
            }
            throw insertFailed;
        }
        return mapper.selectId();
    }
}
