package dev.tillsync.terminal.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.tillsync.core.invoice.InvoicePayload;
import dev.tillsync.core.json.Json;
import dev.tillsync.core.sync.RowKind;
import dev.tillsync.terminal.HistoryEntry;
import dev.tillsync.terminal.HistoryFilter;
import dev.tillsync.terminal.SyncStatus;
import dev.tillsync.terminal.TerminalException;
import dev.tillsync.terminal.store.TerminalStore;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/**
 * Sales History and the stored invoices behind it: reads only. Every outbox row is listed with its sync status,
 * a Failed one with the server's reason (invariant 4: a rejected row stays visible here).
 */
public final class SalesHistory {
    private static final int DEFAULT_LIMIT = 1000;

    /** An outbox row with its invoice columns (null for other kinds), as the history query returns it. */
    record Row(long seq, String uuid, String kind, String ref, String createdAt, String status, String reasonCode, String reason,
               int attempts, String postedAt, String customerNumber, Long grandMinor, boolean offline, Long discountMinor,
               Long roundingMinor) {
        HistoryEntry entry() {
            return new HistoryEntry(seq, uuid, RowKind.fromWire(kind), ref, Instant.parse(postedAt != null ? postedAt : createdAt),
                    customerNumber, grandMinor, offline, SyncStatus.fromLabel(status), reasonCode, reason, attempts,
                    discountMinor, roundingMinor);
        }
    }

    /** An invoice as it was recorded (its outbox payload), with its outbox identity. */
    public record StoredInvoice(InvoicePayload invoice, String uuid, long seq) {}

    record StoredRow(String payload, String uuid, long seq) {}

    private static final RowMapper<Row> ROW = ConstructorMapper.of(Row.class);
    private static final RowMapper<StoredRow> STORED = ConstructorMapper.of(StoredRow.class);

    private final TerminalStore store;

    public SalesHistory(TerminalStore store) {
        this.store = store;
    }

    /** Transactions newest first, optionally only one status or only invoices. */
    public List<HistoryEntry> list(HistoryFilter filter) {
        StringBuilder sql = new StringBuilder("""
                select o.seq, o.uuid, o.kind, o.ref, o.created_at, o.status, o.reason_code, o.reason, o.attempts,
                       i.posted_at, i.customer_number, i.grand_minor, i.offline, i.discount_minor, i.rounding_minor
                from outbox o left join invoice i on i.outbox_seq = o.seq where 1 = 1
                """);
        if (filter.status() != null) sql.append(" and o.status = :status");
        if (filter.invoicesOnly()) sql.append(" and o.kind = 'invoice'");
        sql.append(" order by o.seq desc limit :limit");
        return store.read(h -> {
            var q = h.createQuery(sql.toString()).bind("limit", filter.limit() <= 0 ? DEFAULT_LIMIT : filter.limit());
            if (filter.status() != null) q.bind("status", filter.status().label());
            return q.map(ROW).list();
        }).stream().map(Row::entry).toList();
    }

    /** The invoice numbered {@code number} as recorded on this terminal, or a refusal naming it. */
    public StoredInvoice invoice(String number) {
        StoredRow f = store.read(h -> h.createQuery("""
                        select o.payload, o.uuid, o.seq from invoice i join outbox o on o.seq = i.outbox_seq where i.number = :n
                        """).bind("n", number).map(STORED).findOne())
                .orElseThrow(() -> new TerminalException("unknown_invoice", "No invoice '" + number + "' on this terminal."));
        try {
            return new StoredInvoice(Json.mapper().readValue(f.payload(), InvoicePayload.class), f.uuid(), f.seq());
        } catch (JsonProcessingException e) {
            throw new TerminalException("store_corrupt", "Invoice " + number + " is unreadable in the store.", e);
        }
    }
}
