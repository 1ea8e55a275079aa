package io.streamis.jobmanager.operation;

import io.streamis.common.rest.Message;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * Answers that wait for an outcome another thread (or another node) produces, without holding a thread per
 * waiter: a request registers a check and returns its servlet thread; one scheduler thread runs every pending
 * check each tick (one small database read each) and completes the futures whose outcome is there. A local
 * settlement can {@link #poke()} so the answer does not wait for the tick.
 *
 * <p>The 0.3.x client expects a stop's answer to carry the savepoint's path, so the HTTP exchange stays
 * synchronous for the client while the server holds nothing but a registration.
 */
@Component
public class Completions implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(Completions.class);
    private static final long TICK_MS = 100;
    /** The servlet's own deadline is later than the check's, so the check's fallback is what the client reads. */
    private static final Duration SERVLET_MARGIN = Duration.ofSeconds(30);

    private record Pending<T>(Supplier<Optional<T>> check, Supplier<T> onTimeout, long deadline,
                              CompletableFuture<T> future) {
    }

    private final Map<Long, Pending<?>> pending = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "streamis-completions");
        t.setDaemon(true);
        return t;
    });

    public Completions() {
        ticker.scheduleWithFixedDelay(this::checkAll, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
    }

    /**
     * A future completed with the check's value once it has one, or with {@code onTimeout}'s after {@code timeout}
     * (which may throw: the future then completes exceptionally). Checked once at once, so an outcome that is
     * already there is not delayed by a tick.
     */
    public <T> CompletableFuture<T> await(Supplier<Optional<T>> check, Duration timeout, Supplier<T> onTimeout) {
        CompletableFuture<T> future = new CompletableFuture<>();
        Pending<T> p = new Pending<>(check, onTimeout, System.nanoTime() + timeout.toNanos(), future);
        long id = ids.incrementAndGet();
        pending.put(id, p);
        future.whenComplete((v, e) -> pending.remove(id));
        ticker.execute(() -> check(p));
        return future;
    }

    /** Something settled here: look now rather than at the next tick. */
    public void poke() {
        if (!pending.isEmpty()) {
            ticker.execute(this::checkAll);
        }
    }

    /** An operation was settled on this node (its answer may be waiting here). */
    @EventListener
    public void onSettled(OperationSettled settled) {
        poke();
    }

    /** How many answers are waiting (for tests and metrics). */
    public int waiting() {
        return pending.size();
    }

    private void checkAll() {
        for (Pending<?> p : pending.values()) {
            check(p);
        }
    }

    private <T> void check(Pending<T> p) {
        if (p.future().isDone()) {
            return;
        }
        try {
            Optional<T> value = p.check().get();
            if (value.isPresent()) {
                p.future().complete(value.get());
            } else if (System.nanoTime() - p.deadline() >= 0) {
                p.future().complete(p.onTimeout().get());
            }
        } catch (RuntimeException e) {
            if (System.nanoTime() - p.deadline() >= 0 || !(e instanceof org.springframework.dao.DataAccessException)) {
                p.future().completeExceptionally(e);
            } else {
                LOG.debug("A completion check failed, retrying: {}", e.toString());
            }
        }
    }

    /**
     * The future as a servlet answer, rendered by {@code render} in the request's locale (it runs on whichever
     * thread completes the future): the request thread returns at once; an exception reaches the exception handler
     * (and so the envelope) like one thrown by the controller.
     */
    public static <T> DeferredResult<Message> answer(CompletableFuture<T> future, Function<T, Message> render,
                                                     Duration timeout) {
        DeferredResult<Message> result = new DeferredResult<>(timeout.plus(SERVLET_MARGIN).toMillis());
        LocaleContext locale = LocaleContextHolder.getLocaleContext();
        future.whenComplete((value, e) -> {
            if (e != null) {
                result.setErrorResult(e instanceof CompletionException && e.getCause() != null ? e.getCause() : e);
                return;
            }
            LocaleContext previous = LocaleContextHolder.getLocaleContext();
            LocaleContextHolder.setLocaleContext(locale);
            try {
                result.setResult(render.apply(value));
            } catch (RuntimeException renderFailed) {
                result.setErrorResult(renderFailed);
            } finally {
                LocaleContextHolder.setLocaleContext(previous);
            }
        });
        return result;
    }

    @Override
    public void destroy() {
        ticker.shutdownNow();
        pending.values().forEach(p -> p.future().cancel(false));
    }
}
