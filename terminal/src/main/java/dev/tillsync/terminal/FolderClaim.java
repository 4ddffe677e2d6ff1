package dev.tillsync.terminal;

/**
 * Who opens a data folder, for the folder lock: a driver ({@code terminal run}, the desktop) holds the till for
 * as long as it runs and refuses every other opener; a one-shot command ({@code sell}, {@code sync}, ...) holds it
 * for the command and waits briefly for another one-shot, never for a driver.
 *
 * @param command what a refused opener is told holds the folder, e.g. "terminal run" or "bin/pos desktop"
 * @param driver  true for a long-running driver
 */
public record FolderClaim(String command, boolean driver) {
    public static FolderClaim driver(String command) {
        return new FolderClaim(command, true);
    }

    public static FolderClaim oneShot(String command) {
        return new FolderClaim(command, false);
    }
}
