package dev.tillsync.terminal.sale;

import dev.tillsync.core.invoice.PricedInvoiceCheck;
import dev.tillsync.core.pricing.CartLine;
import dev.tillsync.core.pricing.Discount;
import dev.tillsync.core.pricing.PricedLine;
import dev.tillsync.core.pricing.PricedSale;
import dev.tillsync.core.pricing.SaleMath;
import dev.tillsync.terminal.Permission;
import dev.tillsync.terminal.TerminalException;
import dev.tillsync.terminal.user.TillUsers;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The cashier's discount limit (the profile's maxDiscountBp, compared by core's PricedInvoiceCheck.overLimit, the very
 * check the server flags with). Invariant: a sale whose discounts are over the limit is recorded only with an approver
 * who holds can_configure_pos on this device, and that approver's login is on every discount that needed it.
 */
public final class DiscountApproval {
    private DiscountApproval() {}

    /** Why each over-limit discount needs approval, as the cashier reads it. */
    public static List<String> reasons(List<PricedInvoiceCheck.OverLimit> over, long maxBp) {
        return over.stream().map(o -> "Discount of " + PricedInvoiceCheck.percent(o.basisPoints()) + " on " + subject(o)
                + " is over the " + PricedInvoiceCheck.percent(maxBp) + " a cashier may give").toList();
    }

    /**
     * The cart with {@code approver} on every discount that needs one, or the refusal: none given, or one without the
     * flag. A cart within the limit is returned as it is.
     */
    public static CartPricer.Priced apply(Handle h, CartPricer.Priced p, String approver, long maxBp) {
        if (p.overLimit().isEmpty()) return p;
        if (approver == null || approver.isBlank()) {
            throw new TerminalException("approval_needed", String.join("; ", reasons(p.overLimit(), maxBp))
                    + ": a manager approves with their PIN (--approve EMAIL:PIN).");
        }
        if (!TillUsers.mayApprove(h, approver)) {
            throw new TerminalException("not_permitted", approver + " may not approve a discount over the cashier's limit: it needs the '"
                    + Permission.CONFIGURE_POS.flag() + "' flag on the POS Offline User. Ask a manager who has it.");
        }
        String login = approver.trim().toLowerCase();
        PricedSale s = p.sale();
        boolean[] line = new boolean[s.lines().size()];
        boolean sale = false;
        for (PricedInvoiceCheck.OverLimit o : p.overLimit()) {
            int at = lineIndex(o);
            if (at < 0) sale = true;
            else line[at] = true;
        }
        List<CartLine> cart = new ArrayList<>(s.lines().size());
        for (int i = 0; i < s.lines().size(); i++) {
            CartLine c = s.lines().get(i).line();
            cart.add(line[i] ? new CartLine(c.itemCode(), c.itemName(), c.qtyMilli(), c.measured(), c.rateMinor(), c.taxRateBp(),
                    c.discount().approvedBy(login)) : c);
        }
        Discount sd = sale ? s.saleDiscount().approvedBy(login) : s.saleDiscount();
        PricedSale approved = SaleMath.price(cart, sd, s.pricesIncludeTax());
        return new CartPricer.Priced(approved, p.units(), PricedInvoiceCheck.overLimit(approved, maxBp), p.customerList(), p.notes());
    }

    /** The event log's record of who approved what: "by LOGIN: line 1 (PEN) 25%; the sale 12%". */
    public static String logDetail(CartPricer.Priced p) {
        String by = null;
        List<String> what = new ArrayList<>();
        for (PricedInvoiceCheck.OverLimit o : p.overLimit()) {
            by = o.discount().approvedBy();
            what.add(o.where() + " " + PricedInvoiceCheck.percent(o.basisPoints()));
        }
        return "by " + by + ": " + String.join("; ", what);
    }

    private static String subject(PricedInvoiceCheck.OverLimit o) {
        int open = o.where().indexOf('('), close = o.where().lastIndexOf(')');
        return open >= 0 && close > open ? o.where().substring(open + 1, close) : o.where();
    }

    /** "line 3 (PEN)" → 2; the sale → -1 (core names them so). */
    private static int lineIndex(PricedInvoiceCheck.OverLimit o) {
        if (!o.where().startsWith("line ")) return -1;
        int end = o.where().indexOf(' ', 5);
        return Integer.parseInt(o.where().substring(5, end < 0 ? o.where().length() : end)) - 1;
    }

    /** The share of what a discount was taken from, for the quote (basis points, rounded up as the limit compares). */
    static long share(PricedLine l) {
        return l.line().discount() == null ? 0 : l.line().discount().basisPointsOf(Math.abs(l.grossMinor()));
    }
}
