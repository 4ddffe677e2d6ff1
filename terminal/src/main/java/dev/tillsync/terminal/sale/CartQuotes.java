package dev.tillsync.terminal.sale;

import dev.tillsync.core.invoice.Payment;
import dev.tillsync.core.invoice.PricedInvoice;
import dev.tillsync.core.master.ProfileData;
import dev.tillsync.core.pricing.Discount;
import dev.tillsync.core.pricing.PricedLine;
import dev.tillsync.core.pricing.PricedSale;
import dev.tillsync.terminal.CartQuote;
import dev.tillsync.terminal.QuoteLine;
import dev.tillsync.terminal.SaleItem;
import dev.tillsync.terminal.ScannedItem;
import dev.tillsync.terminal.TerminalException;
import dev.tillsync.terminal.catalog.ItemCatalog;
import dev.tillsync.terminal.customer.CustomerBook;
import dev.tillsync.terminal.store.DeviceRepo;
import dev.tillsync.terminal.store.DeviceState;
import dev.tillsync.terminal.store.ProfileRepo;
import dev.tillsync.terminal.store.TerminalStore;
import java.util.ArrayList;
import java.util.List;

/**
 * The open cart's figures for the screen (quote) and what a scan found. Invariant: reads only, and prices exactly as
 * the sale will be recorded (the same CartPricer), so the screen never shows a figure the invoice does not carry.
 */
public final class CartQuotes {
    private final TerminalStore store;

    public CartQuotes(TerminalStore store) {
        this.store = store;
    }

    public CartQuote quote(List<SaleItem> items, Discount saleDiscount, String customerNumber) {
        return store.read(h -> {
            DeviceState device = DeviceRepo.requireActive(h);
            ProfileData profile = ProfileRepo.require(h, device);
            String customer = SaleRecorder.blankToNull(customerNumber);
            if (customer != null && CustomerBook.find(h, customer).isEmpty()) {
                throw new TerminalException("unknown_customer", "No customer number '" + customer + "' on this terminal.");
            }
            CartPricer.Priced p = CartPricer.price(h, profile, items, saleDiscount, customer);
            PricedSale s = p.sale();
            List<QuoteLine> lines = new ArrayList<>(s.lines().size());
            for (int i = 0; i < s.lines().size(); i++) {
                PricedLine l = s.lines().get(i);
                var c = l.line();
                lines.add(new QuoteLine(c.itemCode(), c.itemName(), p.units().get(i), c.qtyMilli(), c.rateMinor(), c.taxRateBp(),
                        l.grossMinor(), c.discount(), l.lineDiscountMinor(), l.saleDiscountMinor(), l.netMinor(), l.taxMinor(), l.totalMinor()));
            }
            String cashMode = CartPricer.cashMode(profile);
            long rounding = cashMode == null ? 0 : PricedInvoice.rounding(s.totalMinor(), List.of(new Payment(cashMode, s.totalMinor(), null)),
                    profile.cashRoundingMinor(), CartPricer.isCash(profile));
            return new CartQuote(lines, s.pricesIncludeTax(), p.customerList(), s.saleDiscount(), s.grossMinor(), s.discountMinor(),
                    s.netMinor(), s.taxMinor(), s.totalMinor(), rounding, s.totalMinor() + rounding, !p.overLimit().isEmpty(),
                    DiscountApproval.reasons(p.overLimit(), profile.maxDiscountBp()), p.notes());
        });
    }

    /** The item a scanned code, barcode or scale label is for, with the label's quantity; refused as a sale would refuse it. */
    public ScannedItem scan(String codeOrBarcode) {
        return store.read(h -> {
            DeviceState device = DeviceRepo.requireActive(h);
            ProfileData profile = ProfileRepo.require(h, device);
            String code = codeOrBarcode == null ? "" : codeOrBarcode.trim();
            boolean label = ScaleLabel.read(profile.scaleLayout(), code).isPresent()
                    && ItemCatalog.pricedAll(h, List.of(code)).get(0).isEmpty();
            PricedLine line = CartPricer.price(h, profile, List.of(new SaleItem(code, null, null)), null, null).sale().lines().get(0);
            var item = ItemCatalog.find(h, line.line().itemCode()).orElseThrow();
            return new ScannedItem(item, label ? line.line().qtyMilli() : null, code);
        });
    }
}
