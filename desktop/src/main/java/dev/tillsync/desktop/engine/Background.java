package dev.tillsync.desktop.engine;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * Runs engine calls off the FX thread so the screen never freezes on disk, printer or network; results
 * and errors come back on the FX thread. The cashier lane keeps scans and sales in the order they were
 * made; everything else (history, settings, syncs) runs beside it, so selling never waits on a sync.
 */
public final class Background implements AutoCloseable {
    private final ExecutorService pool;
    private final ExecutorService lane;

    public Background() {
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newCachedThreadPool(r -> daemon(r, "till-ui-work-" + n.incrementAndGet()));
        this.lane = Executors.newSingleThreadExecutor(r -> daemon(r, "till-ui-cashier"));
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Work whose order matters to the cashier (scans, recording a sale). */
    public <T> void inOrder(Callable<T> work, Consumer<T> onDone, Consumer<Throwable> onError) {
        lane.submit(() -> deliver(work, onDone, onError));
    }

    public <T> void run(Callable<T> work, Consumer<T> onDone, Consumer<Throwable> onError) {
        pool.submit(() -> deliver(work, onDone, onError));
    }

    private static <T> void deliver(Callable<T> work, Consumer<T> onDone, Consumer<Throwable> onError) {
        try {
            T result = work.call();
            Platform.runLater(() -> onDone.accept(result));
        } catch (Throwable t) {
            Platform.runLater(() -> onError.accept(t));
        }
    }

    /** For work that already returns a future (syncs): completion is delivered on the FX thread. */
    public <T> void await(Callable<CompletableFuture<T>> start, Consumer<T> onDone, Consumer<Throwable> onError) {
        pool.submit(() -> {
            try {
                start.call().whenComplete((r, e) -> Platform.runLater(() -> {
                    if (e != null) onError.accept(e instanceof CompletionException && e.getCause() != null ? e.getCause() : e);
                    else onDone.accept(r);
                }));
            } catch (Throwable t) {
                Platform.runLater(() -> onError.accept(t));
            }
        });
    }

    /** The message a cashier should read for a failure. */
    public static String message(Throwable t) {
        Throwable c = t;
        while ((c instanceof CompletionException || c.getMessage() == null) && c.getCause() != null) c = c.getCause();
        return c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
    }

    @Override
    public void close() {
        lane.shutdownNow();
        pool.shutdownNow();
    }
}
