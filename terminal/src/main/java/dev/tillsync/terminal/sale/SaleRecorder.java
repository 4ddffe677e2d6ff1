package dev.tillsync.terminal.sale;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.tillsync.core.invoice.InvoiceLine;
import dev.tillsync.core.invoice.InvoiceMath;
import dev.tillsync.core.invoice.InvoicePayload;
import dev.tillsync.core.invoice.NumberingSeries;
import dev.tillsync.core.invoice.Payment;
import dev.tillsync.core.master.ProfileData;
import dev.tillsync.core.money.Money;
import dev.tillsync.core.sync.RowKind;
import dev.tillsync.terminal.Item;
import dev.tillsync.terminal.ReturnRequest;
import dev.tillsync.terminal.SaleItem;
import dev.tillsync.terminal.SaleRequest;
import dev.tillsync.terminal.ShiftInfo;
import dev.tillsync.terminal.TerminalException;
import dev.tillsync.terminal.UserSession;
import dev.tillsync.terminal.catalog.ItemCatalog;
import dev.tillsync.terminal.customer.CustomerBook;
import dev.tillsync.terminal.outbox.Outbox;
import dev.tillsync.terminal.outbox.OutboxRow;
import dev.tillsync.terminal.shift.ShiftBook;
import dev.tillsync.terminal.store.Counters;
import dev.tillsync.terminal.store.DeviceRepo;
import dev.tillsync.terminal.store.DeviceState;
import dev.tillsync.terminal.store.EventLog;
import dev.tillsync.terminal.store.FaultPoint;
import dev.tillsync.terminal.store.ProfileRepo;
import dev.tillsync.terminal.store.TerminalStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Records sales and returns. Invariant 1: the invoice, its lines and payments, the local stock effect
 * (lines pending against the server's stock), the outbox row and the event log entry are written in ONE
 * SQLite transaction, validated before anything is written; the receipt is produced only after commit.
 */
public final class SaleRecorder {
    public static final String FAULT_BEFORE_COMMIT = "sale.before-commit";

    private final TerminalStore store;
    private final Clock clock;

    public SaleRecorder(TerminalStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** A recorded invoice and its outbox row, with the device and profile it was recorded under (for the receipt). */
    public record Recorded(InvoicePayload invoice, OutboxRow row, DeviceState device, ProfileData profile) {}

    public Recorded recordSale(UserSession cashier, SaleRequest req, boolean offline) {
        return recordSale(() -> cashier, req, () -> offline);
    }

    /**
     * Records a sale by whoever {@code cashierInTx} says is logged in, marked offline as {@code offlineInTx} says, both
     * asked first thing inside the sale's transaction: a read from the store then joins that transaction instead
     * of taking a read of its own.
     */
    public Recorded recordSale(Supplier<UserSession> cashierInTx, SaleRequest req, BooleanSupplier offlineInTx) {
        Instant now = clock.instant();
        return store.inTx(h -> {
            UserSession cashier = cashierInTx.get();
            boolean offline = offlineInTx.getAsBoolean();
            if (req.items().isEmpty()) throw new TerminalException("no_items", "A sale needs at least one item (--item CODE[:QTY]).");
            if (req.payments().isEmpty()) throw new TerminalException("no_payment", "A sale needs a payment (--pay MODE:AMOUNT).");
            DeviceState device = DeviceRepo.requireActive(h);
            ShiftInfo shift = ShiftBook.require(h);
            ProfileData profile = ProfileRepo.require(h, device);
            List<InvoiceLine> lines = new ArrayList<>();
            for (SaleItem si : req.items()) {
                if (si.qty() <= 0) {
                    throw new TerminalException("bad_quantity", "Quantity for '" + si.codeOrBarcode() + "' must be at least 1, got " + si.qty() + ".");
                }
            }
            List<Optional<ItemCatalog.Priced>> found = ItemCatalog.pricedAll(h, req.items().stream().map(SaleItem::codeOrBarcode).toList());
            for (int i = 0; i < req.items().size(); i++) {
                SaleItem si = req.items().get(i);
                ItemCatalog.Priced item = found.get(i).orElseThrow(() -> new TerminalException("unknown_item",
                        "No item with code or barcode '" + si.codeOrBarcode() + "' on this terminal. Check the code, or sync to get new items."));
                if (!item.active()) {
                    throw new TerminalException("item_disabled", "Item " + item.code() + " (" + item.name() + ") is disabled and cannot be sold.");
                }
                SaleableItems.requireWholeUnitTaxExclusive(item);
                lines.add(safeLine(item.code(), item.name(), si.qty(), item.priceMinor(), item.taxRateBp()));
            }
            String customer = blankToNull(req.customerNumber());
            if (customer != null && CustomerBook.find(h, customer).isEmpty()) {
                throw new TerminalException("unknown_customer", "No customer number '" + customer + "' on this terminal. Add it with: terminal customer add --name ...");
            }
            List<Payment> payments = normalisePayments(req.payments(), profile, false);
            long grand = InvoiceMath.grandTotal(lines);
            long paid = InvoiceMath.paid(payments);
            if (paid < grand) {
                throw new TerminalException("underpaid", "Payments " + Money.format(paid) + " are less than the total " + Money.format(grand)
                        + ". Add a payment for the remaining " + Money.format(grand - paid) + ".");
            }
            long change = InvoiceMath.changeDue(grand, payments);
            if (change > InvoiceMath.cashPaid(payments)) {
                throw new TerminalException("overpaid_non_cash", "Payments exceed the total by " + Money.format(change)
                        + " but only cash can be over-tendered (change cannot come from a card). Lower the non-cash amount.");
            }
            long[] counters = Counters.next(h, Counters.INVOICE, Counters.OUTBOX_SEQ);
            String number = NumberingSeries.invoices(device.config().invoiceSeries()).format(counters[0]);
            InvoicePayload inv = new InvoicePayload(number, now, customer, cashier.email(), shift.uuid(), offline, null,
                    profile.profileKey(), lines, payments, change, InvoiceMath.netTotal(lines), InvoiceMath.taxTotal(lines), grand);
            return write(h, counters[1], inv, now, "sale", device, profile);
        });
    }

    public Recorded recordReturn(UserSession cashier, ReturnRequest req, boolean offline) {
        if (req.items().isEmpty()) throw new TerminalException("no_items", "A return needs at least one item (--item CODE:QTY).");
        if (req.refunds().isEmpty()) throw new TerminalException("no_payment", "A return needs a refund (--pay MODE:-AMOUNT).");
        Instant now = clock.instant();
        return store.inTx(h -> {
            DeviceState device = DeviceRepo.requireActive(h);
            ShiftInfo shift = ShiftBook.require(h);
            ProfileData profile = ProfileRepo.require(h, device);
            String against = req.againstNumber() == null ? "" : req.againstNumber().trim();
            Map<String, Object> original = h.createQuery("select number, return_against, customer_number from invoice where number = :n")
                    .bind("n", against).mapToMap().findOne().orElseThrow(() -> new TerminalException("unknown_invoice",
                            "No invoice '" + against + "' on this terminal: a return is made against a sale recorded here."));
            if (original.get("return_against") != null) {
                throw new TerminalException("bad_return", against + " is itself a return; return against the original sale.");
            }
            List<InvoiceLine> origLines = h.createQuery("select * from invoice_line where invoice_number = :n order by line_no")
                    .bind("n", against).map((rs, ctx) -> new InvoiceLine(rs.getString("item_code"), rs.getString("item_name"),
                            rs.getLong("qty"), rs.getLong("rate_minor"), rs.getInt("tax_rate_bp"), rs.getLong("net_minor"),
                            rs.getLong("tax_minor"), rs.getLong("total_minor"))).list();
            Map<String, Long> returned = h.createQuery("""
                    select l.item_code, -sum(l.qty) as q from invoice_line l join invoice i on i.number = l.invoice_number
                    where i.return_against = :n group by l.item_code
                    """).bind("n", against).map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            List<InvoiceLine> lines = new ArrayList<>();
            for (SaleItem si : req.items()) {
                if (si.qty() <= 0) {
                    throw new TerminalException("bad_quantity", "Give returned quantities as positive numbers, got " + si.qty() + " for '" + si.codeOrBarcode() + "'.");
                }
                Item item = ItemCatalog.find(h, si.codeOrBarcode()).orElse(null);
                String code = item == null ? si.codeOrBarcode() : item.code();
                InvoiceLine sold = origLines.stream().filter(l -> l.itemCode().equals(code)).findFirst().orElseThrow(() ->
                        new TerminalException("not_on_invoice", "Item '" + si.codeOrBarcode() + "' is not on invoice " + against + "."));
                long soldQty = origLines.stream().filter(l -> l.itemCode().equals(code)).mapToLong(InvoiceLine::qty).sum();
                long already = returned.getOrDefault(code, 0L);
                long inThis = lines.stream().filter(l -> l.itemCode().equals(code)).mapToLong(l -> -l.qty()).sum();
                if (already + inThis + si.qty() > soldQty) {
                    throw new TerminalException("return_too_many", "Invoice " + against + " sold " + soldQty + " × " + code + "; "
                            + already + " already returned, so at most " + (soldQty - already - inThis) + " can come back.");
                }
                // The refund uses the price and tax the customer paid, not today's (invariant 6).
                lines.add(safeLine(code, sold.itemName(), -si.qty(), sold.rateMinor(), sold.taxRateBp()));
            }
            List<Payment> refunds = normalisePayments(req.refunds(), profile, true);
            long grand = InvoiceMath.grandTotal(lines);
            long paid = InvoiceMath.paid(refunds);
            if (paid != grand) {
                throw new TerminalException("refund_mismatch", "Refunds " + Money.format(paid) + " must equal the returned amount "
                        + Money.format(grand) + " (give refunds as negative amounts, e.g. --pay Cash:" + Money.format(grand) + ").");
            }
            String number = NumberingSeries.invoices(device.config().invoiceSeries()).format(Counters.next(h, Counters.INVOICE));
            String customer = (String) original.get("customer_number");
            InvoicePayload inv = new InvoicePayload(number, now, customer, cashier.email(), shift.uuid(), offline, against,
                    profile.profileKey(), lines, refunds, 0, InvoiceMath.netTotal(lines), InvoiceMath.taxTotal(lines), grand);
            return write(h, Counters.next(h, Counters.OUTBOX_SEQ), inv, now, "return", device, profile);
        });
    }

    private Recorded write(Handle h, long outboxSeq, InvoicePayload inv, Instant now, String eventType, DeviceState device, ProfileData profile) {
        List<String> problems = InvoiceMath.inconsistencies(inv);
        if (!problems.isEmpty()) {
            throw new TerminalException("inconsistent_invoice", "The invoice does not add up: " + String.join("; ", problems));
        }
        OutboxRow row = Outbox.append(h, outboxSeq, RowKind.INVOICE, inv.number(), inv, now);
        h.createUpdate("""
                insert into invoice (number, outbox_seq, posted_at, customer_number, cashier, shift_uuid, offline, return_against,
                                     change_minor, net_minor, tax_minor, grand_minor)
                values (:number, :seq, :at, :customer, :cashier, :shift, :offline, :against, :change, :net, :tax, :grand)
                """).bind("number", inv.number()).bind("seq", row.seq()).bind("at", inv.postedAt().toString())
                .bind("customer", inv.customerNumber()).bind("cashier", inv.cashier()).bind("shift", inv.shiftUuid())
                .bind("offline", inv.offline() ? 1 : 0).bind("against", inv.returnAgainst()).bind("change", inv.changeMinor())
                .bind("net", inv.netTotalMinor()).bind("tax", inv.taxTotalMinor()).bind("grand", inv.grandTotalMinor()).execute();
        // One prepared batch per table: the statement is bound per row but set up once (JDBI's per-statement
        // context and cleanup cost as much as SQLite's insert itself here).
        PreparedBatch lineRows = h.prepareBatch("""
                insert into invoice_line (invoice_number, line_no, item_code, item_name, qty, rate_minor, tax_rate_bp, net_minor, tax_minor, total_minor)
                values (:n, :no, :code, :name, :qty, :rate, :tax, :net, :taxm, :total)
                """);
        for (int i = 0; i < inv.lines().size(); i++) {
            InvoiceLine l = inv.lines().get(i);
            lineRows.bind("n", inv.number()).bind("no", i + 1).bind("code", l.itemCode()).bind("name", l.itemName())
                    .bind("qty", l.qty()).bind("rate", l.rateMinor()).bind("tax", l.taxRateBp()).bind("net", l.netMinor())
                    .bind("taxm", l.taxMinor()).bind("total", l.totalMinor()).add();
        }
        if (lineRows.size() > 0) lineRows.execute();
        PreparedBatch paymentRows = h.prepareBatch(
                "insert into invoice_payment (invoice_number, idx, mode, amount_minor, reference) values (:n, :i, :m, :a, :r)");
        for (int i = 0; i < inv.payments().size(); i++) {
            Payment p = inv.payments().get(i);
            paymentRows.bind("n", inv.number()).bind("i", i + 1).bind("m", p.mode()).bind("a", p.amountMinor()).bind("r", p.reference()).add();
        }
        if (paymentRows.size() > 0) paymentRows.execute();
        EventLog.append(h, now, eventType, inv.number(), "seq=" + row.seq() + " total=" + inv.grandTotalMinor() + (inv.offline() ? " offline" : ""));
        FaultPoint.reach(FAULT_BEFORE_COMMIT);
        return new Recorded(inv, row, device, profile);
    }

    /**
     * Settles the stock-pending lines of {@code itemCodes} for the pull (PullApplier), so that invoice_line has this
     * one writer. A pull page's stock levels count every line whose sale was synced before the pull began: one
     * statement for the whole page (after a catch-up, that is every line sold offline). Only those items' pending
     * lines are visited (index invoice_line_stock), each checked by two key look-ups; an IN (all synced invoices)
     * list would cost a scan of every invoice.
     */
    public static void settlePendingStock(Handle h, List<String> itemCodes, Instant pullStartedAt) {
        if (itemCodes.isEmpty()) return;
        String codes;
        try {
            codes = dev.tillsync.core.json.Json.mapper().writeValueAsString(itemCodes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        h.createUpdate("""
                update invoice_line set stock_pending = 0
                where stock_pending = 1 and item_code in (select value from json_each(:codes)) and exists (
                    select 1 from invoice i join outbox o on o.seq = i.outbox_seq
                    where i.number = invoice_line.invoice_number and o.status = 'Synced' and o.synced_at < :startedAt)
                """).bind("codes", codes).bind("startedAt", pullStartedAt.toString()).execute();
    }

    /**
     * Stops counting every line still pending against the server's stock: when the folder is linked as another device,
     * its pending lines are the old device's sales, which reach the server's stock through their export file, and the
     * new device starts from a full snapshot of the server's stock.
     */
    public static void settleAllPendingStock(Handle h) {
        h.createUpdate("update invoice_line set stock_pending = 0 where stock_pending = 1").execute();
    }

    private static List<Payment> normalisePayments(List<Payment> given, ProfileData profile, boolean refund) {
        List<Payment> out = new ArrayList<>();
        for (Payment p : given) {
            String mode = profile.paymentModes().stream().filter(m -> m.equalsIgnoreCase(p.mode() == null ? "" : p.mode().trim()))
                    .findFirst().orElseThrow(() -> new TerminalException("unknown_payment_mode", "Payment mode '" + p.mode()
                            + "' is not allowed by profile " + profile.name() + " (allowed: " + String.join(", ", profile.paymentModes()) + ")."));
            if (refund ? p.amountMinor() >= 0 : p.amountMinor() <= 0) {
                throw new TerminalException("bad_amount", refund
                        ? "Refund amounts are negative (e.g. Cash:-1.73), got " + Money.format(p.amountMinor()) + "."
                        : "Payment amounts must be positive, got " + Money.format(p.amountMinor()) + " for " + mode + ".");
            }
            out.add(new Payment(mode, p.amountMinor(), blankToNull(p.reference())));
        }
        return out;
    }

    private static InvoiceLine safeLine(String code, String name, long qty, long rate, int taxBp) {
        try {
            return InvoiceLine.of(code, name, qty, rate, taxBp);
        } catch (ArithmeticException e) {
            throw new TerminalException("bad_quantity", "Quantity " + qty + " of " + code + " is too large.");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
