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
        var refused = refusal(item.code(), item.unit(), item.pricesIncludeTax());
        if (refused.isPresent()) throw refused.get();
    }

    /** The refusal for an item of this unit and pricing, if this release cannot sell it. */
    public static java.util.Optional<TerminalException> refusal(String code, String unitCode, boolean pricesIncludeTax) {
        Unit unit = Unit.parse(unitCode).orElse(null);
        if (unit == null || unit.measured()) {
            return java.util.Optional.of(new TerminalException("measured_item", code + " is sold by the " + unitCode
                    + "; weighed sales come with the next release, so this till does not sell it."));
        }
        if (pricesIncludeTax) {
            return java.util.Optional.of(new TerminalException("tax_inclusive_price", code + " comes from a price list whose prices include tax;"
                    + " tax-inclusive sales come with the next release, so this till does not sell it. Ask the back office to put this"
                    + " till's profile on a price list before tax."));
        }
        return java.util.Optional.empty();
    }
}
