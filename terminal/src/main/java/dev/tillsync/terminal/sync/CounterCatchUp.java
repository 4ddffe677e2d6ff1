package dev.tillsync.terminal.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tillsync.core.invoice.InvoicePayload;
import dev.tillsync.core.invoice.NumberingSeries;
import dev.tillsync.core.json.Json;
import dev.tillsync.core.sync.HighWater;
import dev.tillsync.core.sync.RowKind;
import dev.tillsync.terminal.TerminalException;
import dev.tillsync.terminal.outbox.Outbox;
import dev.tillsync.terminal.outbox.OutboxRow;
import dev.tillsync.terminal.store.Counters;
import dev.tillsync.terminal.store.DeviceRepo;
import dev.tillsync.terminal.store.DeviceState;
import dev.tillsync.terminal.store.EventLog;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Invariant 2 after a restore: the till never issues a sequence or invoice number the server already holds. A data
 * folder copied back from an older state counts from behind what the server received; told the device's
 * {@link HighWater} marks (on every push answer and pull page), the till moves its counters past them before its
 * next sale, and queues again, under new sequence numbers, the rows the server refused because their numbers were
 * taken: none of them was applied, so none is lost or counted twice (invariant 3).
 *
 * <p>A row refused {@code seq_conflict} was never recorded by the server, so it keeps its UUID. An invoice whose
 * number the server already holds gets the next number of the series and names the number printed on the customer's
 * receipt ({@link InvoicePayload#printedNumber()}); the local sale keeps the printed number. A row refused
 * {@code duplicate_number} is recorded (refused) under its UUID and sequence, so its renumbered copy travels under a
 * new UUID as well.
 */
public final class CounterCatchUp {
    static final String SEQ_CONFLICT = "seq_conflict", DUPLICATE_NUMBER = "duplicate_number";
    /** The refusals that mean "a number this till issued was already taken": the rows are sent again renumbered. */
    static final List<String> TAKEN = List.of(SEQ_CONFLICT, DUPLICATE_NUMBER);
    private static final ObjectMapper JSON = Json.mapper();

    private CounterCatchUp() {}

    /** Applies the server's marks in the caller's transaction; returns how many rows were queued again. */
    public static int apply(Handle h, HighWater marks, Instant now) {
        if (marks == null) return 0;
        Optional<DeviceState> device = DeviceRepo.load(h);
        if (device.isEmpty() || device.get().config().invoiceSeries() == null) return 0;
        NumberingSeries series = NumberingSeries.invoices(device.get().config().invoiceSeries());
        long serverInvoice = series.counterOf(marks.invoiceNumber());
        long seqWas = Counters.current(h, Counters.OUTBOX_SEQ), invoiceWas = Counters.current(h, Counters.INVOICE);
        List<OutboxRow> taken = Outbox.failedWith(h, TAKEN);
        if (marks.seq() <= seqWas && serverInvoice <= invoiceWas && taken.isEmpty()) return 0; // the usual case: read only
        long seq = Math.max(Math.max(seqWas, Outbox.maxSeq(h)), marks.seq());
        long invoice = Math.max(invoiceWas, serverInvoice);
        if (!taken.isEmpty()) h.execute("pragma defer_foreign_keys = on"); // a row and its sale move one after the other
        for (OutboxRow row : taken) {
            long newSeq = ++seq;
            String uuid = row.reasonCode().equals(DUPLICATE_NUMBER) ? UUID.randomUUID().toString() : row.uuid();
            String payload = row.payload();
            String renumbered = "";
            if (row.kind() == RowKind.INVOICE) {
                InvoicePayload inv = read(row);
                long counter = series.counterOf(inv.number());
                if (row.reasonCode().equals(DUPLICATE_NUMBER) || counter > 0 && counter <= serverInvoice) {
                    String printed = inv.printedNumber() != null ? inv.printedNumber() : inv.number();
                    String number = series.format(++invoice);
                    payload = write(inv.renumbered(number, printed)); // keeps every field, discounts and rounding too
                    renumbered = ", invoice " + inv.number() + " sent as " + number + " (the receipt shows " + printed + ")";
                }
            }
            Outbox.requeue(h, row.seq(), newSeq, uuid, payload, now);
            EventLog.append(h, now, "requeued", row.ref(), "refused " + row.reasonCode() + ": seq " + row.seq() + " sent again as "
                    + newSeq + (uuid.equals(row.uuid()) ? "" : " under uuid " + uuid) + renumbered);
        }
        boolean seqMoved = Counters.raiseTo(h, Counters.OUTBOX_SEQ, seq);
        boolean invoiceMoved = Counters.raiseTo(h, Counters.INVOICE, invoice);
        if (seqMoved || invoiceMoved) {
            EventLog.append(h, now, "counters_moved", null, "sequence " + seqWas + " -> " + seq + ", invoice " + invoiceWas + " -> "
                    + invoice + ": the server already held numbers this till was about to issue again (its data restored from an older copy?)");
        }
        return taken.size();
    }

    private static InvoicePayload read(OutboxRow row) {
        try {
            return JSON.readValue(row.payload(), InvoicePayload.class);
        } catch (Exception e) {
            throw Outbox.unreadablePayload(row, e);
        }
    }

    private static String write(InvoicePayload inv) {
        try {
            return JSON.writeValueAsString(inv);
        } catch (Exception e) {
            throw new TerminalException("store_corrupt", "Cannot write a renumbered invoice: " + e.getMessage(), e);
        }
    }
}
