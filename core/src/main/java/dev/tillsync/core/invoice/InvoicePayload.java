package dev.tillsync.core.invoice;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.tillsync.core.pricing.Discount;
import java.time.Instant;
import java.util.List;

/**
 * A sale (or a return) as recorded on the terminal and pushed as an outbox row of kind {@code invoice}.
 * Totals are carried so the server can recompute and refuse a mismatch.
 *
 * <p>The last four fields are the priced form of docs/pricing.md, null (absent from the JSON) on an invoice of the
 * previous release, so a till of that release parsing strictly never meets them.
 *
 * @param number           from the device's invoice numbering series, e.g. POS-0007-000123
 * @param postedAt         when the cashier completed the sale (device clock)
 * @param customerNumber   customer number (from any series) or null for a walk-in
 * @param cashier          email of the device user who made the sale
 * @param shiftUuid        the shift the sale belongs to
 * @param offline          true when the terminal was offline at the time of sale
 * @param returnAgainst    number of the original invoice for a return, else null
 * @param profileKey       the POS profile key the terminal had when it sold
 * @param printedNumber    set only when the till renumbered the invoice after the server already held its number (a
 *                         restored data folder): the number printed on the customer's receipt; {@code number} is then
 *                         the new one. Null (absent from the JSON) otherwise.
 * @param pricesIncludeTax the price list's flag at the time of sale (shelf prices then include tax)
 * @param saleDiscount     the sale's discount as entered, or null
 * @param discountMinor    every line and sale discount of the invoice together
 * @param roundingMinor    the cash rounding adjustment: payments − change = total + rounding
 */
public record InvoicePayload(String number, Instant postedAt, String customerNumber, String cashier,
                             String shiftUuid, boolean offline, String returnAgainst, String profileKey,
                             List<InvoiceLine> lines, List<Payment> payments, long changeMinor,
                             long netTotalMinor, long taxTotalMinor, long grandTotalMinor, String printedNumber,
                             Boolean pricesIncludeTax, Discount saleDiscount, Long discountMinor, Long roundingMinor) {

    public InvoicePayload {
        lines = lines == null ? List.of() : List.copyOf(lines);
        payments = payments == null ? List.of() : List.copyOf(payments);
    }

    /** An invoice of the previous release's form, possibly renumbered. */
    public InvoicePayload(String number, Instant postedAt, String customerNumber, String cashier,
                          String shiftUuid, boolean offline, String returnAgainst, String profileKey,
                          List<InvoiceLine> lines, List<Payment> payments, long changeMinor,
                          long netTotalMinor, long taxTotalMinor, long grandTotalMinor, String printedNumber) {
        this(number, postedAt, customerNumber, cashier, shiftUuid, offline, returnAgainst, profileKey, lines, payments,
                changeMinor, netTotalMinor, taxTotalMinor, grandTotalMinor, printedNumber, null, null, null, null);
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

    /** True when any line is in the priced form (docs/pricing.md), so SaleMath, not InvoiceMath, checks the invoice. */
    @JsonIgnore // derived, not part of the wire form
    public boolean priced() {
        return lines.stream().anyMatch(InvoiceLine::priced);
    }

    /** The same invoice under another number, keeping the one printed (a renumbered invoice). */
    public InvoicePayload renumbered(String newNumber, String printed) {
        return new InvoicePayload(newNumber, postedAt, customerNumber, cashier, shiftUuid, offline, returnAgainst, profileKey,
                lines, payments, changeMinor, netTotalMinor, taxTotalMinor, grandTotalMinor, printed, pricesIncludeTax,
                saleDiscount, discountMinor, roundingMinor);
    }
}
