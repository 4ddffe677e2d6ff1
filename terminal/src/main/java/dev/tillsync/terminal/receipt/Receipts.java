package dev.tillsync.terminal.receipt;

import dev.tillsync.core.invoice.InvoiceLine;
import dev.tillsync.core.invoice.InvoicePayload;
import dev.tillsync.core.master.ProfileData;
import dev.tillsync.terminal.PdfPreview;
import dev.tillsync.terminal.SaleReceipt;
import dev.tillsync.terminal.history.SalesHistory;
import dev.tillsync.terminal.sale.SaleRecorder;
import dev.tillsync.terminal.store.DeviceRepo;
import dev.tillsync.terminal.store.DeviceState;
import dev.tillsync.terminal.store.EventLog;
import dev.tillsync.terminal.store.ProfileRepo;
import dev.tillsync.terminal.store.TerminalStore;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a committed invoice into its receipt (invariant 1: only after the sale is durable): a new sale's receipt
 * shows the device and profile it was recorded under; a reprint, marked REPRINT and logged, shows today's.
 */
public final class Receipts implements AutoCloseable {
    private final TerminalStore store;
    private final Clock clock;
    private final DeviceRepo devices;
    private final SalesHistory history;
    private final ReceiptPrinter printer;

    public Receipts(TerminalStore store, Clock clock, DeviceRepo devices, SalesHistory history) {
        this.store = store;
        this.clock = clock;
        this.devices = devices;
        this.history = history;
        this.printer = new ReceiptPrinter(store);
    }

    /** The receipt of a sale or return just recorded, with the device and profile read in its own transaction. */
    public SaleReceipt recorded(SaleRecorder.Recorded r) {
        return render(r.invoice(), r.row().uuid(), r.row().seq(), false, r.device(), Optional.of(r.profile()));
    }

    /** Prints invoice {@code number} again, marked REPRINT, and logs that it did. */
    public SaleReceipt reprint(String number) {
        SalesHistory.StoredInvoice f = history.invoice(number);
        store.useTx(h -> EventLog.append(h, clock.instant(), "reprint", number, null));
        DeviceState d = devices.require();
        return render(f.invoice(), f.uuid(), f.seq(), true, d, store.read(h -> ProfileRepo.current(h, d)));
    }

    private SaleReceipt render(InvoicePayload inv, String uuid, long seq, boolean reprint, DeviceState d, Optional<ProfileData> profile) {
        // What the receipt needs from the store in one read (one reader lock and snapshot per receipt, not one per item).
        record Stored(String cashierName, PaperWidth paper, Map<String, String> units) {}
        Stored s = store.read(h -> new Stored(cashierName(h, inv), ReceiptSettings.paper(h),
                ReceiptSettings.units(h, inv.lines().stream().map(InvoiceLine::itemCode).distinct().toList())));
        ReceiptText.Context ctx = context(reprint, d, profile, s.paper(), s.units());
        // The sale's own profile decides the drawer pulse (a reprint never pulses): no second read of device and profile.
        ReceiptPrinter.Printed p = printer.print(printedCashier(inv, s.cashierName()), ctx, d.printerTarget(), profile.orElse(null));
        return new SaleReceipt(inv.number(), uuid, seq, inv, inv.offline(), reprint, p.text(), p.escpos(), p.warning(),
                new PdfPreview(inv.number(), p.pdf(), p.pdfDone(), p.wantPdf()));
    }

    /** The cashier's name as the login screen shows it, or null when the user is no longer on this device or has none. */
    private static String cashierName(org.jdbi.v3.core.Handle h, InvoicePayload inv) {
        if (inv.cashier() == null) return null;
        return h.createQuery("select trim(coalesce(first_name, '') || ' ' || coalesce(last_name, '')) "
                        + "from device_user where lower(email) = :e").bind("e", inv.cashier().toLowerCase()).mapTo(String.class).findOne()
                .filter(n -> !n.isBlank()).orElse(null);
    }

    /**
     * The invoice as the receipt shows it: the cashier by name (as the login screen shows them), not by the email the
     * invoice records; the email stays when the user is no longer on this device.
     */
    private static InvoicePayload printedCashier(InvoicePayload inv, String name) {
        if (name == null) return inv;
        return new InvoicePayload(inv.number(), inv.postedAt(), inv.customerNumber(), name, inv.shiftUuid(), inv.offline(),
                inv.returnAgainst(), inv.profileKey(), inv.lines(), inv.payments(), inv.changeMinor(), inv.netTotalMinor(),
                inv.taxTotalMinor(), inv.grandTotalMinor(), inv.printedNumber(), inv.pricesIncludeTax(), inv.saleDiscount(),
                inv.discountMinor(), inv.roundingMinor());
    }

    /** What the receipt prints besides the invoice: the profile's logo, header, footer, seller and currency; the till's paper; units. */
    private static ReceiptText.Context context(boolean reprint, DeviceState d, Optional<ProfileData> profile, PaperWidth paper,
                                               Map<String, String> units) {
        return new ReceiptText.Context(d.posId(), profile.map(ProfileData::receiptHeader).orElse(null),
                profile.map(ProfileData::receiptFooter).orElse(null), reprint, profile.map(ProfileData::sellerName).orElse(null),
                profile.map(ProfileData::sellerTaxNumber).orElse(null), profile.map(ProfileData::currency).orElse(null),
                profile.map(ProfileData::currencyDigits).orElse(2), paper, units,
                profile.map(ProfileData::receiptLogo).orElse(null));
    }

    /** The paper receipts print on (32, 42 or 48 columns). */
    public PaperWidth paper() {
        return store.read(ReceiptSettings::paper);
    }

    /** Sets the paper receipts print on, logged with who did it. */
    public void setPaper(PaperWidth paper, String by) {
        ReceiptSettings.changePaper(store, paper, by, clock.instant());
    }

    /** Waits for the PDF previews still being written: none is lost when the process exits. */
    @Override
    public void close() {
        printer.close();
    }
}
