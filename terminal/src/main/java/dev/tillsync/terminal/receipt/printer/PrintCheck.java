package dev.tillsync.terminal.receipt.printer;

/**
 * The outcome of a test print or a drawer opening, for the person at the till.
 *
 * @param target  the target as typed ({@link PrinterTarget#describe()})
 * @param ok      the printer took the job
 * @param message what happened, a full sentence
 * @param millis  how long it took, from the first byte to the printer's answer or the failure
 */
public record PrintCheck(String target, boolean ok, String message, long millis) {}
