package dev.tillsync.core.invoice;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.util.List;

/**
 * A sale (or a return) as recorded on the terminal and pushed as an outbox row of kind {@code invoice}.
 * Totals are carried so the server can recompute and refuse a mismatch.
 *
 * @param number         from the device's invoice numbering series, e.g. POS-0007-000123
 * @param postedAt       when the cashier completed the sale (device clock)
 * @param customerNumber customer number (from any series) or null for a walk-in
 * @param cashier        email of the device user who made the sale
 * @param shiftUuid      the shift the sale belongs to
 * @param offline        true when the terminal was offline at the time of sale
 * @param returnAgainst  number of the original invoice for a return, else null
 * @param profileKey     the POS profile key the terminal had when it sold
 * @param printedNumber  set only when the till renumbered the invoice after the server already held its number (a
 *                       restored data folder): the number printed on the customer's receipt; {@code number} is then
 *                       the new one. Null (absent from the JSON) otherwise.
 */
public record InvoicePayload(String number, Instant postedAt, String customerNumber, String cashier,
                             String shiftUuid, boolean offline, String returnAgainst, String profileKey,
                             List<InvoiceLine> lines, List<Payment> payments, long changeMinor,
                             long netTotalMinor, long taxTotalMinor, long grandTotalMinor, String printedNumber) {

    public InvoicePayload {
        lines = lines == null ? List.of() : List.copyOf(lines);
        payments = payments == null ? List.of() : List.copyOf(payments);
    }

    /** An invoice as sold (not renumbered). */
    public InvoicePayload(String number, Instant postedAt, String customerNumber, String cashier,
                          String shiftUuid, boolean offline, String returnAgainst, String profileKey,
                          List<InvoiceLine> lines, List<Payment> payments, long changeMinor,
                          long netTotalMinor, long taxTotalMinor, long grandTotalMinor) {
        this(number, postedAt, customerNumber, cashier, shiftUuid, offline, returnAgainst, profileKey, lines, payments,
                changeMinor, netTotalMinor, taxTotalMinor, grandTotalMinor, null);
    }

    @JsonIgnore // derived, not part of the wire form
    public boolean isReturn() {
        return returnAgainst != null;
    }
}
