package dev.tillsync.server.imports.csv;

import java.util.List;

/**
 * What a stock or customers import did or, in a dry run (or with refused rows), would do: the counts, every refused
 * row, and the first rows that change, for the console's preview. Invariant: {@code applied} is true only when
 * {@code refused} is empty and it was not a dry run.
 */
public record CsvImportResult(int created, int updated, int unchanged, List<CatalogCsv.Refused> refused, boolean applied,
                              List<Change> changes) {
    /** How many changed rows a result carries for the preview (the counts cover them all). */
    public static final int PREVIEW_ROWS = 50;

    /** One row that is created or updated: its line, its key (item or customer), the action and what changes. */
    public record Change(int line, String key, String action, String detail) {}

    /** "2 created, 1 updated, 7 unchanged". */
    public String counts() {
        return created + " created, " + updated + " updated, " + unchanged + " unchanged";
    }
}
