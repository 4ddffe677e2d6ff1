package dev.tillsync.terminal;

import dev.tillsync.terminal.receipt.ReceiptPrinter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The PDF preview of a receipt. The terminal writes it off the sale path, on its one receipt writer thread: as soon
 * as anyone asks for it ({@link #await()}, {@link #written()}, {@link #warning()}, {@link #whenDone}), else once the
 * till is idle (no sale for a moment), so a burst of sales never shares the CPU with previews nobody has looked at
 * (receipt/ReceiptPrinter). {@link PosTerminal#close()} writes every pending preview. A preview that cannot be written
 * never touches the recorded sale: {@link #warning()} then says why, with the reprint hint.
 *
 * <p>{@link #path()} and {@link #isDone()} never wait nor ask; {@link #await()}, {@link #written()} and
 * {@link #warning()} ask for the preview and wait for the writer (at most {@value #MAX_WAIT_SECONDS} s);
 * {@link #whenDone} asks for it and runs an action once it is written or failed (on the writer thread, or at once if
 * already done). Thread-safe.
 */
public final class PdfPreview {
    static final long MAX_WAIT_SECONDS = 30;

    private final String number;
    private final Path path;
    private final CompletableFuture<String> failure;
    private final Runnable ask;

    /**
     * Made by the receipt printer (receipt/Receipts) as it hands the preview to its writer thread; {@code ask} tells
     * the writer someone wants it now.
     */
    public PdfPreview(String number, Path path, CompletableFuture<String> failure, Runnable ask) {
        this.number = number;
        this.path = path;
        this.failure = failure;
        this.ask = ask;
    }

    /** Where the preview is (being) written: DATA/receipts/NUMBER.pdf (NUMBER.reprint.pdf for a reprint). Does not wait. */
    public Path path() {
        return path;
    }

    /** True once the preview has been written or has failed. Does not wait. */
    public boolean isDone() {
        return failure.isDone();
    }

    /** Waits for the writer; the preview's path once it is written, empty if it could not be written. */
    public Optional<Path> await() {
        return outcome() == null ? Optional.of(path) : Optional.empty();
    }

    /** Waits for the writer; true when the preview file was written. */
    public boolean written() {
        return outcome() == null;
    }

    /**
     * Waits for the writer; null when the preview was written, else the cashier's message: the sale is recorded,
     * what failed, and how to reprint.
     */
    public String warning() {
        String problem = outcome();
        return problem == null ? null : ReceiptPrinter.warning(number, "its PDF preview could not be written", List.of(problem));
    }

    /**
     * Runs {@code action} once the preview is written or failed: on the writer thread, or on the calling thread if it
     * is already done. An exception thrown by the action is ignored. UI code hops to its own thread from there.
     */
    public void whenDone(Consumer<PdfPreview> action) {
        ask.run();
        failure.whenComplete((p, e) -> {
            try {
                action.accept(this);
            } catch (RuntimeException ignored) {
                // a caller's bug must not break the receipt writer
            }
        });
    }

    private String outcome() {
        ask.run();
        try {
            return failure.get(MAX_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            return "PDF preview " + path.getFileName() + " not written after " + MAX_WAIT_SECONDS + " s";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while waiting for PDF preview " + path.getFileName();
        } catch (ExecutionException e) {
            return "PDF preview " + path.getFileName() + " failed: " + e.getCause();
        }
    }

    @Override
    public String toString() {
        return "PdfPreview[" + path + (isDone() ? (written() ? ", written]" : ", failed]") : ", pending]");
    }
}
