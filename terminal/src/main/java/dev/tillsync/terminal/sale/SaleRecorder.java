package dev.tillsync.terminal.sale;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.tillsync.core.invoice.InvoiceHeader;
import dev.tillsync.core.invoice.InvoiceMath;
import dev.tillsync.core.invoice.InvoicePayload;
import dev.tillsync.core.invoice.NumberingSeries;
import dev.tillsync.core.invoice.Payment;
import dev.tillsync.core.invoice.PricedInvoice;
import dev.tillsync.core.master.ProfileData;
import dev.tillsync.core.money.Money;
import dev.tillsync.core.pricing.PricedSale;
import dev.tillsync.terminal.ReturnRequest;
import dev.tillsync.terminal.SaleRequest;
import dev.tillsync.terminal.ShiftInfo;
import dev.tillsync.terminal.TerminalException;
import dev.tillsync.terminal.UserSession;
import dev.tillsync.terminal.customer.CustomerBook;
import dev.tillsync.terminal.outbox.OutboxRow;
import dev.tillsync.terminal.shift.ShiftBook;
import dev.tillsync.terminal.store.Counters;
import dev.tillsync.terminal.store.DeviceRepo;
import dev.tillsync.terminal.store.DeviceState;
import dev.tillsync.terminal.store.EventLog;
import dev.tillsync.terminal.store.ProfileRepo;
import dev.tillsync.terminal.store.TerminalStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/**
 * Records sales (and, through ReturnRecorder, returns). Invariant 1: the invoice, its lines and payments, the local
 * stock effect (lines pending against the server's stock), the outbox row and the event log entry are written in ONE
 * SQLite transaction, validated before anything is written (priced by SaleMath, checked by PricedInvoiceCheck); the
 * receipt is produced only after commit.
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
     * of taking a read of its own. The sale is priced by SaleMath (CartPricer), discounts over the cashier's limit
     * need the request's approver (DiscountApproval), and the invoice is written in the priced form.
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
            String customer = blankToNull(req.customerNumber());
            if (customer != null && CustomerBook.find(h, customer).isEmpty()) {
                throw new TerminalException("unknown_customer", "No customer number '" + customer + "' on this terminal. Add it with: terminal customer add --name ...");
            }
            CartPricer.Priced priced = DiscountApproval.apply(h, CartPricer.price(h, profile, req.items(), req.saleDiscount(), customer),
                    req.approverLogin(), profile.maxDiscountBp());
            PricedSale sale = priced.sale();
            List<Payment> payments = normalisePayments(req.payments(), profile, false);
            Predicate<Payment> isCash = CartPricer.isCash(profile);
            long total = sale.totalMinor();
            long rounding = PricedInvoice.rounding(total, payments, profile.cashRoundingMinor(), isCash);
            long due = total + rounding;
            long paid = InvoiceMath.paid(payments);
            if (paid < due) {
                throw new TerminalException("underpaid", "Payments " + Money.format(paid) + " are less than the total " + Money.format(due)
                        + (rounding != 0 ? " (" + Money.format(total) + " rounded by " + Money.format(rounding) + " for cash)" : "")
                        + ". Add a payment for the remaining " + Money.format(due - paid) + ".");
            }
            long change = paid - due;
            long cash = payments.stream().filter(isCash).mapToLong(Payment::amountMinor).sum();
            if (change > cash) {
                throw new TerminalException("overpaid_non_cash", "Payments exceed the total by " + Money.format(change)
                        + " but only cash can be over-tendered (change cannot come from a card). Lower the non-cash amount.");
            }
            long[] counters = Counters.next(h, Counters.INVOICE, Counters.OUTBOX_SEQ);
            String number = NumberingSeries.invoices(device.config().invoiceSeries()).format(counters[0]);
            InvoiceHeader header = new InvoiceHeader(number, now, customer, cashier.email(), shift.uuid(), offline, null, profile.profileKey());
            InvoicePayload inv = invoice(header, sale, priced.units(), payments, profile, isCash);
            Recorded r = InvoiceWriter.write(h, counters[1], inv, now, "sale", device, profile);
            if (!priced.overLimit().isEmpty()) EventLog.append(h, now, "discount_approved", number, DiscountApproval.logDetail(priced));
            return r;
        });
    }

    /**
     * The invoice of a priced sale or return: core's PricedInvoice, with the cash rounding and change over the
     * profile's cash-type modes (PricedInvoice.of counts the mode named "Cash"; a profile may name its cash mode otherwise).
     */
    static InvoicePayload invoice(InvoiceHeader header, PricedSale sale, List<String> units, List<Payment> payments, ProfileData profile,
                                  Predicate<Payment> isCash) {
        InvoicePayload inv = PricedInvoice.of(header, sale, units, payments, profile.cashRoundingMinor());
        long rounding = PricedInvoice.rounding(sale.totalMinor(), payments, profile.cashRoundingMinor(), isCash);
        long change = header.returnAgainst() != null ? 0 : Math.max(0, InvoiceMath.paid(payments) - sale.totalMinor() - rounding);
        return new InvoicePayload(inv.number(), inv.postedAt(), inv.customerNumber(), inv.cashier(), inv.shiftUuid(), inv.offline(),
                inv.returnAgainst(), inv.profileKey(), inv.lines(), inv.payments(), change, inv.netTotalMinor(), inv.taxTotalMinor(),
                inv.grandTotalMinor(), null, inv.pricesIncludeTax(), inv.saleDiscount(), inv.discountMinor(), rounding);
    }

    /** Records a return against an invoice of this terminal (ReturnRecorder). */
    public Recorded recordReturn(UserSession cashier, ReturnRequest req, boolean offline) {
        return new ReturnRecorder(store, clock).record(cashier, req, offline);
    }

    /** Records a return against a sale of the store; {@code fresh} is the server's answer of a moment ago, if any. */
    public Recorded recordReturn(UserSession cashier, ReturnRequest req, boolean offline,
                                 java.util.Optional<dev.tillsync.core.returns.ReturnableInvoice> fresh) {
        return new ReturnRecorder(store, clock).record(cashier, req, offline, fresh);
    }

    /** The sale {@code number} with what is left to return of each line (read only). */
    public dev.tillsync.core.returns.ReturnableInvoice returnable(String number,
                                                                  java.util.Optional<dev.tillsync.core.returns.ReturnableInvoice> fresh) {
        return store.inTx(h -> ReturnSources.view(h, number, fresh));
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

    static List<Payment> normalisePayments(List<Payment> given, ProfileData profile, boolean refund) {
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

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
