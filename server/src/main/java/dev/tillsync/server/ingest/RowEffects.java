package dev.tillsync.server.ingest;

import dev.tillsync.core.invoice.InvoiceLine;
import dev.tillsync.core.invoice.Payment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The writes an applier defers to the end of the batch (lines, payments, stock postings, pull-feed
 * publications). Invariant: they reach the batch's {@link BatchWrites} only after the row's apply
 * returned, so a rejected row contributes nothing.
 */
public final class RowEffects {
    record LineRow(long invoiceId, int lineNo, InvoiceLine line) {}

    record PaymentRow(long invoiceId, int lineNo, Payment payment) {}

    /** One stock-ledger entry; its quantity also moves the stock level of (warehouse, item). */
    record Posting(String warehouse, String itemCode, long qtyChange, String voucherType, String voucherNo,
                   long deviceId, String uuid, Instant at) {}

    record Publication(String entity, String scope, String key, Object data) {}

    final List<LineRow> lines = new ArrayList<>();
    final List<PaymentRow> payments = new ArrayList<>();
    final List<Posting> postings = new ArrayList<>();
    final List<Publication> publications = new ArrayList<>();

    void line(long invoiceId, int lineNo, InvoiceLine line) {
        lines.add(new LineRow(invoiceId, lineNo, line));
    }

    void payment(long invoiceId, int lineNo, Payment payment) {
        payments.add(new PaymentRow(invoiceId, lineNo, payment));
    }

    void post(String warehouse, String itemCode, long qtyChange, String voucherType, String voucherNo, long deviceId,
              String uuid, Instant at) {
        postings.add(new Posting(warehouse, itemCode, qtyChange, voucherType, voucherNo, deviceId, uuid,
                at == null ? Instant.now() : at));
    }

    void publish(String entity, String scope, String key, Object data) {
        publications.add(new Publication(entity, scope, key, data));
    }
}
