package dev.tillsync.terminal.sale;

import dev.tillsync.core.master.Unit;
import dev.tillsync.terminal.TerminalException;
import dev.tillsync.terminal.catalog.ItemCatalog;

/**
 * Invariant: this release sells only what its arithmetic prices right, whole units at prices before tax; an item sold
 * by weight, volume or length, or priced with tax included, is refused with the reason instead of being mis-priced
 * (weighed and tax-inclusive sales come with issue 17).
 */
public final class SaleableItems {
    private SaleableItems() {}

    public static void requireWholeUnitTaxExclusive(ItemCatalog.Priced item) {
        Unit unit = Unit.parse(item.unit()).orElse(null);
        if (unit == null || unit.measured()) {
            throw new TerminalException("measured_item", item.code() + " is sold by the " + item.unit()
                    + "; weighed sales come with the next release. Sell it from the back office or a till of the next release.");
        }
        if (item.pricesIncludeTax()) {
            throw new TerminalException("tax_inclusive_price", item.code() + " comes from a price list whose prices include tax; tax-inclusive sales come with the next release. Ask the back office to sell this till "
                    + "from a price list before tax.");
        }
    }
}
