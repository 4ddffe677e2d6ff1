package dev.tillsync.server.ingest;

import java.util.List;

/**
 * What the server's ingest made of an accepted pushed row: its document number (if any), the reasons it needs
 * review, and for an invoice the till renumbered the number printed on its receipt (else null). The server side of a push; the terminal's {@code PullApplier.Applied} counts what a pull changed on the till.
 */
public record AppliedRow(String number, List<String> reviewReasons, String printedNumber) {
    public AppliedRow {
        reviewReasons = List.copyOf(reviewReasons);
    }

    public AppliedRow(String number, List<String> reviewReasons) {
        this(number, reviewReasons, null);
    }
}
