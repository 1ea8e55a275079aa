package io.streamis.jobmanager.material;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Where job-version files and project resource files live (instead of Linkis BML). Store paths are relative
 * keys such as {@code jobs/12/v00003/app.jar}; the store decides where they are kept.
 */
public interface MaterialStore {

    /** Stored object: its key, content hash and size. */
    record Stored(String storePath, String md5, long size) {
    }

    String storeType();

    /**
     * Copies {@code source} under {@code storePath}. If called inside a transaction, the file is removed again
     * when the transaction rolls back, so a failed import leaves no orphan files.
     */
    Stored put(String storePath, Path source) throws IOException;

    /** Same as {@link #put(String, Path)} for a stream. */
    Stored put(String storePath, InputStream source) throws IOException;

    Path resolve(String storePath);

    InputStream open(String storePath) throws IOException;

    /** Deletes one object; missing objects are ignored. */
    void delete(String storePath);

    /**
     * Deletes one object once the surrounding transaction has committed (at once without a transaction): a
     * transaction that deletes a row and then fails must find the bytes its row still points to.
     */
    default void deleteAfterCommit(String storePath) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            delete(storePath);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                delete(storePath);
            }
        });
    }
}
