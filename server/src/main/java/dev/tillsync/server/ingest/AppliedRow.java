package dev.tillsync.server.ingest;

import java.util.List;

/**
 * What the server's ingest made of an accepted pushed row: its document number (if any) and the reasons it needs
 * review. The server side of a push; the terminal's {@code PullApplier.Applied} counts what a pull changed on the till.
 */
public record AppliedRow(String number, List<String> reviewReasons) {
    public AppliedRow {
        reviewReasons = List.copyOf(reviewReasons);
    }
}
