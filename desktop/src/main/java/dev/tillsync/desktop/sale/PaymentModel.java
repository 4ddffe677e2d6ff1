package dev.tillsync.desktop.sale;

import dev.tillsync.core.invoice.InvoiceMath;
import dev.tillsync.core.invoice.Payment;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Tenders against a total, split across modes. Invariant: only cash may go beyond what is still due
 * (change comes out of the drawer, never back onto a card), and the sale completes only when fully paid.
 */
public final class PaymentModel {
    private final long totalMinor;
    private final ObservableList<Tender> tenders = FXCollections.observableArrayList();

    public PaymentModel(long totalMinor) {
        this.totalMinor = totalMinor;
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
        if (remainingMinor() <= 0) {
            throw new IllegalArgumentException("The sale is already fully paid.");
        }
        if (!t.isCash() && t.amountMinor() > remainingMinor()) {
            throw new IllegalArgumentException(t.mode() + " cannot exceed the amount due (" + MoneyText.of(remainingMinor())
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

    /** Still to pay; zero once fully paid. */
    public long remainingMinor() {
        return Math.max(0, totalMinor - paidMinor());
    }

    public long changeMinor() {
        return InvoiceMath.changeDue(totalMinor, payments());
    }

    public boolean fullyPaid() {
        return !tenders.isEmpty() && paidMinor() >= totalMinor;
    }

    public List<Payment> payments() {
        return tenders.stream().map(Tender::asPayment).toList();
    }
}
