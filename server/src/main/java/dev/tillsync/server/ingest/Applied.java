package dev.tillsync.server.ingest;

import java.util.List;

/** What applying an accepted row produced: its document number (if any) and the reasons it needs review. */
public record Applied(String number, List<String> reviewReasons) {
    public Applied {
        reviewReasons = List.copyOf(reviewReasons);
    }
}
