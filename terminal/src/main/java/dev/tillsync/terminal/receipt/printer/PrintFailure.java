package dev.tillsync.terminal.receipt.printer;

/**
 * Why a printer did not take a receipt, in words for the cashier ("the printer at tcp://10.0.0.9:9100 refused the
 * connection"). {@code retryable} is true only when nothing could have printed yet, so one more try cannot print twice.
 */
public final class PrintFailure extends Exception {
    private final boolean retryable;

    public PrintFailure(String why, boolean retryable) {
        super(why);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
