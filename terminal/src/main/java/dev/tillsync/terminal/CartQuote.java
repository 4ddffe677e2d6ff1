package dev.tillsync.terminal;

import dev.tillsync.core.pricing.Discount;
import java.util.List;

/**
 * Every figure the sale screen shows for an open cart, from SaleMath (the figures the sale will be recorded with).
 *
 * @param pricesIncludeTax   the cart's price list's flag (shelf prices then include tax)
 * @param customerPriceList  the customer's price list the cart was priced on, or null for the profile's
 * @param discountMinor      every line and sale discount together
 * @param cashRoundingMinor  the cash rounding if the whole total is paid in cash (the profile's increment)
 * @param cashDueMinor       total + cash rounding: what a cash customer pays
 * @param approvalNeeded     a discount is over the cashier's limit: a manager approves ({@link PosTerminal#approve})
 * @param approvalReasons    why, one line per discount ("Discount of 25% on PEN is over the 10% a cashier may give")
 * @param notes              what else the cashier should know (e.g. "Priced on customer C-1's price list Trade.")
 */
public record CartQuote(List<QuoteLine> lines, boolean pricesIncludeTax, String customerPriceList, Discount saleDiscount,
                        long grossMinor, long discountMinor, long netMinor, long taxMinor, long totalMinor, long cashRoundingMinor,
                        long cashDueMinor, boolean approvalNeeded, List<String> approvalReasons, List<String> notes) {
    public CartQuote {
        lines = List.copyOf(lines);
        approvalReasons = List.copyOf(approvalReasons);
        notes = List.copyOf(notes);
    }
}
