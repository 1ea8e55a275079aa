package io.streamis.jobmanager.lifecycle;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Runs per-job deployments (10–25 s on YARN) off the request threads, a few at a time so a bulk start of hundreds
 * of jobs does not open hundreds of YARN submissions at once. What a deployment decides is already persisted
 * before it is queued, so a deployment lost with the process is settled by the monitor and the recovery.
 */
@Component
public class Deployments implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(Deployments.class);
    private static final int PARALLEL = 4;

    private final ExecutorService executor = new ThreadPoolExecutor(PARALLEL, PARALLEL, 60, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), r -> {
                Thread t = new Thread(r, "streamis-deploy");
                t.setDaemon(true);
                return t;
            });

    public void submit(long taskId, Runnable deployment) {
        executor.execute(() -> {
            try {
                deployment.run();
            } catch (RuntimeException e) {
                LOG.error("Deployment of task {} failed unexpectedly", taskId, e);
            }
        });
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
