package dev.tillsync.terminal.sale;

import dev.tillsync.core.master.Unit;
import dev.tillsync.terminal.TerminalException;
import java.util.Optional;

/**
 * Invariant: the till sells every item whose unit it knows (whole units, weighed and measured goods, prices before or
 * including tax: SaleMath prices them all); an item in a unit this release does not know is refused with the reason
 * instead of being mis-priced. The whole-unit rule (no fraction of a unit item) is core's CartLine's.
 */
public final class SaleableItems {
    private SaleableItems() {}

    /** The refusal for an item of this unit, if this release cannot sell it. */
    public static Optional<TerminalException> refusal(String code, String unitCode, boolean pricesIncludeTax) {
        if (Unit.parse(unitCode).isEmpty()) {
            return Optional.of(new TerminalException("unknown_unit", code + " is sold in '" + unitCode + "', a unit this till does not know ("
                    + Unit.codes() + "). Update the till."));
        }
        return Optional.empty();
    }
}
