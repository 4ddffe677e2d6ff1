package dev.tillsync.terminal.receipt.printer;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Writes ESC/POS bytes to a path: a device (/dev/usb/lp0, opened for writing, never created or truncated), or a
 * regular file (replaced). A USB printer that is off blocks the write forever in the kernel, so the write runs on a
 * daemon thread and the caller waits at most {@link #WRITE}; a stuck write is left to finish or die on its own.
 */
final class LocalPrinter {
    static final Duration WRITE = Duration.ofSeconds(5);
    private static final ExecutorService WRITERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "tillsync-printer-device");
        t.setDaemon(true);
        return t;
    });

    private LocalPrinter() {}

    static void write(Path target, byte[] bytes) throws PrintFailure {
        boolean device = Files.exists(target) && !Files.isRegularFile(target) && !Files.isDirectory(target);
        if (!device) {
            try {
                Files.write(target, bytes);
                return;
            } catch (IOException e) {
                throw new PrintFailure("the file " + target + " cannot be written (" + describe(e) + ")", false);
            }
        }
        Future<?> job = WRITERS.submit(() -> {
            try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.WRITE)) {
                out.write(bytes);
            }
            return null;
        });
        try {
            job.get(WRITE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            job.cancel(true);
            throw new PrintFailure("the printer " + target + " did not take the receipt within " + WRITE.toSeconds()
                    + " s (is it switched on, with paper, and plugged in?)", false);
        } catch (ExecutionException e) {
            throw new PrintFailure("the printer " + target + " cannot be written (" + describe(e.getCause()) + ")", false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PrintFailure("printing to " + target + " was interrupted", false);
        }
    }

    private static String describe(Throwable e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        return e instanceof java.nio.file.AccessDeniedException ? "permission denied: add the till's user to the lp group" : m;
    }
}
