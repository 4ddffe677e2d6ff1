package dev.tillsync.reliability.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tillsync.core.invoice.InvoiceLine;
import dev.tillsync.core.invoice.InvoiceMath;
import dev.tillsync.core.invoice.InvoicePayload;
import dev.tillsync.core.invoice.Payment;
import dev.tillsync.core.payload.CustomerPayload;
import dev.tillsync.core.sync.PushBatch;
import dev.tillsync.core.sync.RowKind;
import dev.tillsync.core.sync.SyncRow;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Sync rows built with core InvoiceMath exactly as a terminal builds them, plus JSON-level surgery for hostile variants. */
public final class Rows {
    public static final Instant AT = Instant.parse("2025-01-15T10:00:00Z");

    private Rows() {}

    public static InvoicePayload penInvoice(String number, String profileKey, long qty) {
        InvoiceLine line = InvoiceLine.of("ITEM-0001", "Ballpoint Pen Blue", qty, 150, 1500);
        return invoice(number, profileKey, List.of(line), List.of(new Payment("Cash", line.totalMinor(), null)));
    }

    public static InvoicePayload invoice(String number, String profileKey, List<InvoiceLine> lines, List<Payment> payments) {
        long grand = InvoiceMath.grandTotal(lines);
        long change = Math.max(0, InvoiceMath.paid(payments) - grand);
        return new InvoicePayload(number, AT, null, "amira@demo.shop", null, false, null, profileKey, lines, payments, change,
                InvoiceMath.netTotal(lines), InvoiceMath.taxTotal(lines), grand);
    }

    public static SyncRow row(long seq, RowKind kind, Object payload) {
        JsonNode node = payload instanceof JsonNode n ? n : Api.JSON.valueToTree(payload);
        return new SyncRow(UUID.randomUUID().toString(), seq, kind, AT, node);
    }

    public static SyncRow customer(long seq, String number, String name) {
        return row(seq, RowKind.CUSTOMER, new CustomerPayload(number, name, null, null, AT));
    }

    /** The invoice as a JSON tree, to be edited into something a real terminal would never send. */
    public static ObjectNode tree(InvoicePayload p) {
        return (ObjectNode) Api.JSON.valueToTree(p);
    }

    public static PushBatch batch(Devices.Linked d, SyncRow... rows) {
        return new PushBatch(d.posId(), d.profileKey(), List.of(rows));
    }
}
