package dev.tillsync.server.ingest;

import dev.tillsync.core.sync.RowKind;
import dev.tillsync.core.sync.SyncRow;
import dev.tillsync.server.catalog.Catalog;
import java.util.EnumMap;
import java.util.Map;

/**
 * Which applier takes each row kind. Invoices, nearly all of a catch-up, have their own two-step applier (check
 * without writing, then one insert per run of them); every other kind has a {@link RowApplier}.
 */
final class RowAppliers {
    /** The sync-status record's number column holds at most this many characters. */
    private static final int MAX_NUMBER = 100;

    private final Map<RowKind, RowApplier> byKind = new EnumMap<>(RowKind.class);
    private final InvoiceApplier invoices;

    RowAppliers(Catalog catalog) {
        this.invoices = new InvoiceApplier(catalog);
        byKind.put(RowKind.CUSTOMER, new CustomerApplier(catalog));
        byKind.put(RowKind.SHIFT_OPEN, new ShiftOpenApplier(catalog));
        byKind.put(RowKind.SHIFT_CLOSE, new ShiftCloseApplier());
        byKind.put(RowKind.STOCK_MOVEMENT, new StockMovementApplier());
    }

    InvoiceApplier invoices() {
        return invoices;
    }

    /** The applier of a row kind other than invoice. */
    RowApplier of(RowKind kind) {
        return byKind.get(kind);
    }

    /** The document number a row is claimed with, when its payload names one. */
    String claimNumber(SyncRow row) {
        RowApplier applier = byKind.get(row.kind());
        String n = applier != null ? applier.numberOf(row) : RowApplier.payloadNumber(row); // invoices have no RowApplier
        return n != null && n.length() > MAX_NUMBER ? n.substring(0, MAX_NUMBER) : n;
    }
}
