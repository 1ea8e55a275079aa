package io.streamis.server.support;

import io.streamis.jobmanager.material.LocalMaterialStore;
import io.streamis.jobmanager.material.MaterialStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/** A real local store that can be told to fail on the N-th write, to prove a failed import leaves no files. */
public class FailingMaterialStore implements MaterialStore {

    private final LocalMaterialStore delegate;
    private final AtomicInteger failOnWrite = new AtomicInteger(-1);
    private final AtomicInteger writes = new AtomicInteger();

    public FailingMaterialStore(LocalMaterialStore delegate) {
        this.delegate = delegate;
    }

    /** The {@code n}-th write from now (1-based) throws; {@code -1} disarms. */
    public void failOnWrite(int n) {
        writes.set(0);
        failOnWrite.set(n);
    }

    @Override
    public String storeType() {
        return delegate.storeType();
    }

    @Override
    public Stored put(String storePath, Path source) throws IOException {
        check(storePath);
        return delegate.put(storePath, source);
    }

    @Override
    public Stored put(String storePath, InputStream source) throws IOException {
        check(storePath);
        return delegate.put(storePath, source);
    }

    private void check(String storePath) throws IOException {
        if (writes.incrementAndGet() == failOnWrite.get()) {
            failOnWrite.set(-1);
            throw new IOException("injected failure writing " + storePath);
        }
    }

    @Override
    public Path resolve(String storePath) {
        return delegate.resolve(storePath);
    }

    @Override
    public InputStream open(String storePath) throws IOException {
        return delegate.open(storePath);
    }

    @Override
    public void delete(String storePath) {
        delegate.delete(storePath);
    }
}
