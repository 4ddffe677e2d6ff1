package dev.tillsync.core.export;

import dev.tillsync.core.sync.SyncRow;
import java.util.List;

/** A verified export file: its header and rows in file order. */
public record ExportContents(ExportHeader header, List<SyncRow> rows) {
    public ExportContents {
        rows = List.copyOf(rows);
    }
}
