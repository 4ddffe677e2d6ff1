package dev.tillsync.desktop.sale;

import dev.tillsync.core.invoice.InvoiceMath;
import dev.tillsync.core.invoice.Payment;
import dev.tillsync.core.invoice.PricedInvoice;
import dev.tillsync.core.pricing.CashRounding;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Tenders against a total, split across modes. Invariant: only cash may go beyond what is still due (change comes
 * out of the drawer, never back onto a card), the sale completes only when fully paid, and what cash must cover is
 * rounded by core's rule (PricedInvoice.rounding with the profile's increment), so the dialog's change is the receipt's.
 */
public final class PaymentModel {
    private final long totalMinor;
    private final long roundingIncrementMinor;
    private final ObservableList<Tender> tenders = FXCollections.observableArrayList();

    public PaymentModel(long totalMinor) {
        this(totalMinor, 0);
    }

    public PaymentModel(long totalMinor, long roundingIncrementMinor) {
        this.totalMinor = totalMinor;
        this.roundingIncrementMinor = roundingIncrementMinor;
    }

    public long totalMinor() {
        return totalMinor;
    }

    public ObservableList<Tender> tenders() {
        return tenders;
    }

    /** Adds a tender or explains why it cannot be taken. */
    public void add(Tender t) {
        add(t, false);
    }

    /** As {@link #add(Tender)}; a mode whose profile setting requires a reference (slip number) is refused without one. */
    public void add(Tender t, boolean referenceRequired) {
        if (referenceRequired && (t.reference() == null || t.reference().isBlank())) {
            throw new IllegalArgumentException("Enter the " + t.mode() + " reference (slip number): this payment mode requires it.");
        }
        if (t.amountMinor() <= 0) {
            throw new IllegalArgumentException("Enter an amount above zero.");
        }
        if (fullyPaid()) {
            throw new IllegalArgumentException("The sale is already fully paid.");
        }
        long exact = Math.max(0, totalMinor - nonCashMinor() - cashMinor());
        if (!t.isCash() && t.amountMinor() > exact) {
            throw new IllegalArgumentException(t.mode() + " cannot exceed the amount due (" + MoneyText.of(exact)
                    + "): change is only given in cash.");
        }
        tenders.add(t);
    }

    public void remove(int index) {
        tenders.remove(index);
    }

    public long paidMinor() {
        return InvoiceMath.paid(payments());
    }

    /** The cash rounding the tenders so far make (0 until cash is tendered). */
    public long roundingMinor() {
        return PricedInvoice.rounding(totalMinor, payments(), roundingIncrementMinor);
    }

    /** What the tenders so far must add up to: the total, rounded once cash is part of the payment. */
    public long dueMinor() {
        return totalMinor + roundingMinor();
    }

    /** Still to pay; zero once fully paid. */
    public long remainingMinor() {
        return Math.max(0, dueMinor() - paidMinor());
    }

    /** Still to pay if the rest is paid in cash: rounded by the profile's increment. */
    public long cashRemainingMinor() {
        long cashDue = totalMinor - nonCashMinor();
        return Math.max(0, cashDue + CashRounding.adjustment(cashDue, roundingIncrementMinor) - cashMinor());
    }

    public long changeMinor() {
        return fullyPaid() ? paidMinor() - dueMinor() : 0;
    }

    public boolean fullyPaid() {
        return !tenders.isEmpty() && paidMinor() >= dueMinor();
    }

    public List<Payment> payments() {
        return tenders.stream().map(Tender::asPayment).toList();
    }

    private long nonCashMinor() {
        return tenders.stream().filter(t -> !t.isCash()).mapToLong(Tender::amountMinor).sum();
    }

    private long cashMinor() {
        return tenders.stream().filter(Tender::isCash).mapToLong(Tender::amountMinor).sum();
    }
}
