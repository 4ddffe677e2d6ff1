package dev.tillsync.terminal.sale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tillsync.core.invoice.InvoiceLine;
import dev.tillsync.core.invoice.InvoicePayload;
import dev.tillsync.core.invoice.Payment;
import dev.tillsync.core.invoice.PricedInvoiceCheck;
import dev.tillsync.core.json.Json;
import dev.tillsync.core.master.ProfileData;
import dev.tillsync.core.pricing.Discount;
import dev.tillsync.core.sync.RowKind;
import dev.tillsync.terminal.TerminalException;
import dev.tillsync.terminal.outbox.Outbox;
import dev.tillsync.terminal.outbox.OutboxRow;
import dev.tillsync.terminal.store.DeviceState;
import dev.tillsync.terminal.store.EventLog;
import dev.tillsync.terminal.store.FaultPoint;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Writes a priced invoice (sale or return) inside the caller's transaction: the outbox row, the invoice, its lines
 * and payments, and the event log entry. Invariant: it writes only an invoice that core's PricedInvoiceCheck (the
 * server's own check) finds right with the profile's rounding, so a till never pushes what the server refuses; one
 * statement per table.
 */
final class InvoiceWriter {
    private static final ObjectMapper JSON = Json.mapper();

    private InvoiceWriter() {}

    static SaleRecorder.Recorded write(Handle h, long outboxSeq, InvoicePayload inv, Instant now, String eventType, DeviceState device,
                                       ProfileData profile) {
        List<String> problems = PricedInvoiceCheck.check(inv, profile.cashRoundingMinor(), CartPricer.isCash(profile)).problems();
        if (!problems.isEmpty()) {
            throw new TerminalException("inconsistent_invoice", "The invoice does not add up: " + String.join("; ", problems));
        }
        OutboxRow row = Outbox.append(h, outboxSeq, RowKind.INVOICE, inv.number(), inv, now);
        h.createUpdate("""
                insert into invoice (number, outbox_seq, posted_at, customer_number, cashier, shift_uuid, offline, return_against,
                                     change_minor, net_minor, tax_minor, grand_minor, prices_include_tax, sale_discount_json,
                                     discount_minor, rounding_minor)
                values (:number, :seq, :at, :customer, :cashier, :shift, :offline, :against, :change, :net, :tax, :grand, :incl,
                        :saleDiscount, :discount, :rounding)
                """).bind("number", inv.number()).bind("seq", row.seq()).bind("at", inv.postedAt().toString())
                .bind("customer", inv.customerNumber()).bind("cashier", inv.cashier()).bind("shift", inv.shiftUuid())
                .bind("offline", inv.offline() ? 1 : 0).bind("against", inv.returnAgainst()).bind("change", inv.changeMinor())
                .bind("net", inv.netTotalMinor()).bind("tax", inv.taxTotalMinor()).bind("grand", inv.grandTotalMinor())
                .bind("incl", Boolean.TRUE.equals(inv.pricesIncludeTax()) ? 1 : 0).bind("saleDiscount", json(inv.saleDiscount()))
                .bind("discount", orZero(inv.discountMinor())).bind("rounding", orZero(inv.roundingMinor())).execute();
        // One prepared batch per table: the statement is bound per row but set up once (JDBI's per-statement
        // context and cleanup cost as much as SQLite's insert itself here).
        PreparedBatch lineRows = h.prepareBatch("""
                insert into invoice_line (invoice_number, line_no, item_code, item_name, qty, rate_minor, tax_rate_bp, net_minor, tax_minor,
                                          total_minor, qty_milli, unit, gross_minor, discount_json, line_discount_minor, sale_discount_minor)
                values (:n, :no, :code, :name, :qty, :rate, :tax, :net, :taxm, :total, :milli, :unit, :gross, :discount, :lineOff, :saleOff)
                """);
        for (int i = 0; i < inv.lines().size(); i++) {
            InvoiceLine l = inv.lines().get(i);
            lineRows.bind("n", inv.number()).bind("no", i + 1).bind("code", l.itemCode()).bind("name", l.itemName())
                    .bind("qty", l.qty()).bind("rate", l.rateMinor()).bind("tax", l.taxRateBp()).bind("net", l.netMinor())
                    .bind("taxm", l.taxMinor()).bind("total", l.totalMinor()).bind("milli", l.quantityMilli())
                    .bind("unit", l.unit() == null ? "unit" : l.unit()).bind("gross", l.grossMinor() == null ? l.netMinor() : l.grossMinor())
                    .bind("discount", json(l.discount())).bind("lineOff", orZero(l.lineDiscountMinor()))
                    .bind("saleOff", orZero(l.saleDiscountMinor())).add();
        }
        if (lineRows.size() > 0) lineRows.execute();
        PreparedBatch paymentRows = h.prepareBatch(
                "insert into invoice_payment (invoice_number, idx, mode, amount_minor, reference) values (:n, :i, :m, :a, :r)");
        for (int i = 0; i < inv.payments().size(); i++) {
            Payment p = inv.payments().get(i);
            paymentRows.bind("n", inv.number()).bind("i", i + 1).bind("m", p.mode()).bind("a", p.amountMinor()).bind("r", p.reference()).add();
        }
        if (paymentRows.size() > 0) paymentRows.execute();
        EventLog.append(h, now, eventType, inv.number(), "seq=" + row.seq() + " total=" + inv.grandTotalMinor()
                + (orZero(inv.discountMinor()) != 0 ? " discount=" + inv.discountMinor() : "")
                + (orZero(inv.roundingMinor()) != 0 ? " rounding=" + inv.roundingMinor() : "") + (inv.offline() ? " offline" : ""));
        FaultPoint.reach(SaleRecorder.FAULT_BEFORE_COMMIT);
        return new SaleRecorder.Recorded(inv, row, device, profile);
    }

    static String json(Discount d) {
        if (d == null) return null;
        try {
            return JSON.writeValueAsString(d);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Discount discount(String json) {
        if (json == null) return null;
        try {
            return JSON.readValue(json, Discount.class);
        } catch (JsonProcessingException e) {
            throw new TerminalException("store_corrupt", "A stored discount is unreadable: " + e.getOriginalMessage(), e);
        }
    }

    private static long orZero(Long v) {
        return v == null ? 0 : v;
    }
}
