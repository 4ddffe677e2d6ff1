package dev.tillsync.terminal;

import dev.tillsync.core.invoice.InvoicePayload;
import dev.tillsync.core.pricing.Discount;
import dev.tillsync.terminal.catalog.ItemCatalog;
import dev.tillsync.terminal.receipt.printer.DrawerSetting;
import dev.tillsync.terminal.receipt.printer.PrintCheck;
import dev.tillsync.terminal.receipt.printer.PrinterTarget;
import dev.tillsync.terminal.receipt.printer.TillPrinter;
import dev.tillsync.terminal.sale.SaleRecorder;
import dev.tillsync.terminal.store.DeviceState;
import dev.tillsync.terminal.store.ProfileRepo;
import dev.tillsync.terminal.store.TerminalStore;
import dev.tillsync.terminal.sync.ServerClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The terminal engine over one data folder: everything the CLI and the desktop UI do goes through here, and each
 * method is its guard (who may, whether the device may) and one call to the class that does the work.
 *
 * <p>Open one per data folder and process with {@link #open(Path)}; it is thread-safe. Every recording operation is
 * one SQLite transaction, durable when the method returns (invariant 1); failures are {@link TerminalException}s
 * with a {@code code()} and a message for the cashier, and leave nothing half-written. {@link #syncNow()} returns a
 * future; {@link #link} and {@link #probe()} block on the network and belong off the UI thread; everything else
 * touches only the local store. A receipt's PDF preview is written after the sale returns ({@link SaleReceipt#pdf()});
 * {@link #close()} waits for the pending ones.
 */
public final class PosTerminal implements AutoCloseable {
    private final TerminalParts parts;

    private PosTerminal(TerminalParts parts) {
        this.parts = parts;
    }

    /** Opens (creating and migrating if needed) the terminal store in {@code dataDir} with default options. */
    public static PosTerminal open(Path dataDir) {
        return open(dataDir, TerminalOptions.defaults());
    }

    public static PosTerminal open(Path dataDir, TerminalOptions options) {
        return new PosTerminal(TerminalParts.wire(TerminalStore.open(dataDir), options));
    }

    /**
     * Opens holding the data folder's lock for {@code claim} until {@link #close()}: the CLI and the desktop open so, and
     * a second process on the folder is refused ({@code folder_in_use}) with the pid, command and start of the first.
     */
    public static PosTerminal open(Path dataDir, TerminalOptions options, FolderClaim claim) {
        return new PosTerminal(TerminalParts.wire(TerminalStore.open(dataDir, claim), options));
    }

    public Path dataDir() {
        return parts.store().dataDir();
    }

    /** Registers a listener for connectivity, sync progress, sync results, link status and recorded sales. */
    public void addListener(TerminalListener l) {
        parts.listeners().add(l);
    }

    /** True when this data folder holds a linked (or unlinking) device. */
    public boolean isLinked() {
        return parts.devices().isLinked();
    }

    /** Redeems a one-time link code, stores the secret and configuration, then pulls all master data. Blocks on the network. */
    public LinkResult link(String serverUrl, String code, String deviceLabel) {
        return parts.linker().link(serverUrl, code, deviceLabel);
    }

    /** As {@link #link(String, String, String)}, pinning the server certificate {@code fingerprint} (sha256:HEX; null: none). */
    public LinkResult link(String serverUrl, String code, String deviceLabel, String fingerprint) {
        return parts.linker().link(serverUrl, code, deviceLabel, fingerprint);
    }

    /** The server certificate this till pinned (sha256:HEX), if it pinned one. */
    public java.util.Optional<String> serverPin() {
        return parts.devices().load().map(dev.tillsync.terminal.store.DeviceState::serverPin);
    }

    /**
     * Pins the server's renewed certificate; needs can_configure_pos. The server must present exactly that certificate
     * now (a health call trusting it alone answers), so a mistyped fingerprint, or one read off an impostor, is refused
     * before anything is stored.
     */
    public String trustServerCertificate(String fingerprint) {
        UserSession u = parts.users().require(Permission.CONFIGURE_POS);
        dev.tillsync.terminal.store.DeviceState d = parts.devices().require();
        dev.tillsync.core.tls.CertificateFingerprint pin = dev.tillsync.core.tls.CertificateFingerprint.parse(fingerprint)
                .orElseThrow(() -> new TerminalException("bad_fingerprint", "'" + fingerprint + "' is not a certificate fingerprint. "
                        + "Give it as the console's link-code page shows it: sha256: and 64 hex digits."));
        if (!"https".equals(dev.tillsync.terminal.sync.ServerClient.apiBase(d.serverUrl()).getScheme())) {
            throw new TerminalException("fingerprint_needs_https", "A certificate fingerprint pins an https server, but this till's server URL is "
                    + d.serverUrl() + ". Set the https:// URL first: terminal config set server-url https://...");
        }
        dev.tillsync.terminal.sync.ServerClient probe = parts.clients().anonymous(d.serverUrl(), pin);
        if (!probe.health()) {
            String why = probe.probeFailure().map(Throwable::getMessage).orElse("the server did not answer");
            throw new TerminalException("fingerprint_not_presented", "Not pinned: the server at " + d.serverUrl() + " does not present "
                    + pin + " now (" + why + ").");
        }
        parts.devices().changeServerPin(pin.value(), u.email(), parts.clock().instant());
        parts.monitor().probeNow();
        return pin.value();
    }

    /** Points the terminal at another server URL; needs can_configure_pos. */
    public void setServerUrl(String url) {
        UserSession u = parts.users().require(Permission.CONFIGURE_POS);
        ServerClient.apiBase(url); // refuses a malformed URL before anything is stored
        parts.devices().changeServerUrl(url, u.email(), parts.clock().instant());
    }

    /**
     * Sets where ESC/POS bytes go ({@link PrinterTarget}: tcp://HOST[:9100], cups:QUEUE, a device such as /dev/usb/lp0,
     * a file or a folder; blank for the default). A malformed target is refused before anything is stored. Needs can_configure_pos.
     */
    public void setPrinterTarget(String target) {
        UserSession u = parts.users().require(Permission.CONFIGURE_POS);
        PrinterTarget.validate(target);
        parts.devices().changePrinterTarget(target, u.email(), parts.clock().instant());
    }

    /** Sets the receipt paper: 32 columns (58 mm), 42 or 48 (80 mm). Needs can_configure_pos. */
    public void setReceiptColumns(int columns) {
        dev.tillsync.terminal.receipt.PaperWidth paper = dev.tillsync.terminal.receipt.PaperWidth.ofColumns(columns);
        UserSession u = parts.users().require(Permission.CONFIGURE_POS);
        parts.receipts().setPaper(paper, u.email());
    }

    /** The receipt paper's columns: 32, 42 (the default) or 48. */
    public int receiptColumns() {
        return parts.receipts().paper().columns();
    }

    /** Where receipts' ESC/POS bytes go; empty when unset (the receipts folder in the data folder) or not linked. */
    public Optional<String> printerTarget() {
        return parts.devices().load().map(DeviceState::printerTarget);
    }

    /** Identity and queue of this device: the {@link #status()} figures with series, profile and printer target. */
    public DeviceInfo deviceInfo() {
        return parts.statusReport().deviceInfo();
    }

    /** Checks the PIN offline against the synced hash; 5 wrong PINs lock the user out for 5 minutes. */
    public UserSession login(String email, String pin) {
        return parts.users().login(email, pin);
    }

    /** The users who may log in here (the login picker), by display name, never the PIN hash; no login needed. */
    public List<DeviceUserInfo> deviceUsers() {
        return parts.users().list();
    }

    public void logout() {
        parts.users().logout();
    }

    public Optional<UserSession> currentUser() {
        return parts.users().current();
    }

    /** Whether the logged-in user holds {@code p} (false when nobody is logged in). */
    public boolean can(Permission p) {
        return parts.users().can(p);
    }

    /** Opens a shift for the logged-in user; {@code shiftType} null takes the user's shift type from the server. */
    public ShiftInfo openShift(long openingFloatMinor, String shiftType) {
        UserSession u = parts.users().require();
        parts.devices().requireActive();
        return parts.shifts().open(u, openingFloatMinor, shiftType);
    }

    /** Closes the open shift: expected vs counted cash, difference and totals per payment mode. */
    public ShiftCloseReport closeShift(long countedCashMinor) {
        return parts.shifts().close(parts.users().require(), countedCashMinor);
    }

    /** Closes the open shift; {@code reason} (why the cash differs, may be null) is kept in the shift_close event. */
    public ShiftCloseReport closeShift(long countedCashMinor, String reason) {
        return parts.shifts().close(parts.users().require(), countedCashMinor, reason);
    }

    /** What closing the open shift with this count would show (expected cash, difference), closing nothing; needs a user. */
    public ShiftCloseReport countShift(long countedCashMinor) {
        parts.users().require();
        return parts.shifts().count(countedCashMinor);
    }

    /**
     * A manager's approval of {@code what} that is not part of a sale (e.g. a cashier selling on another's open shift),
     * checked as {@link #approve(String, String)} and logged as an {@code approval} event; returns the approver's login.
     */
    public String approve(String email, String pin, String what) {
        return parts.users().approve(email, pin, what);
    }

    public Optional<ShiftInfo> currentShift() {
        return parts.shifts().current();
    }

    /** Finds an item by code or barcode, with local stock. */
    public Optional<Item> findItem(String codeOrBarcode) {
        return parts.store().read(h -> ItemCatalog.find(h, codeOrBarcode));
    }

    /** Active items whose code, name or barcode contains {@code text} (case-insensitive, literally), in code order. */
    public List<Item> searchItems(String text, int limit) {
        return parts.store().read(h -> ItemCatalog.search(h, text, limit));
    }

    public List<Customer> customers(String search, int limit) {
        return parts.customers().search(search, limit);
    }

    /** Adds a customer numbered from the device's customer series and queues it for the server. */
    public Customer addCustomer(NewCustomer c) {
        parts.users().require();
        parts.devices().requireActive();
        return parts.customers().add(c);
    }

    /** The POS profile's cash rounding increment in minor units (0: none): a cash refund is rounded by it as a cash sale is. */
    public long cashRoundingIncrement() {
        DeviceState d = parts.devices().require();
        return parts.store().read(h -> ProfileRepo.require(h, d)).cashRoundingMinor();
    }

    /** The payment modes of the POS profile. */
    public List<String> paymentModes() {
        return parts.store().read(ProfileRepo::paymentModes);
    }

    /**
     * The POS profile as last pulled (payment modes with their type and whether the till must ask for a reference,
     * currency, cash rounding, discount limit); empty before the first pull.
     */
    public Optional<dev.tillsync.core.master.ProfileData> profile() {
        return parts.store().read(h -> dev.tillsync.terminal.store.DeviceRepo.load(h).flatMap(d -> ProfileRepo.current(h, d)));
    }

    /**
     * Every figure the screen shows for an open cart, priced exactly as {@link #recordSale} will record it (SaleMath):
     * lines, totals, discounts, the cash due after rounding, and whether a discount needs a manager's approval. No
     * login needed; refuses what a sale would refuse (unknown item, fraction of a unit item, discount over a line...).
     */
    public CartQuote quote(List<SaleItem> items, Discount saleDiscount, String customerNumber) {
        return parts.quotes().quote(items, saleDiscount, customerNumber);
    }

    /** The item a scanned code, barcode or scale label is for, with the label's quantity (null for an ordinary code). */
    public ScannedItem scan(String codeOrBarcode) {
        return parts.quotes().scan(codeOrBarcode);
    }

    /**
     * A manager's approval of discounts over the cashier's limit, on this till and offline too: checks {@code email}'s
     * PIN as a login does (wrong tries count toward the lock-out) and that the user holds can_configure_pos; returns
     * the login to put in {@link SaleRequest#approverLogin()}. The cashier stays logged in.
     */
    public String approve(String email, String pin) {
        parts.users().require();
        return parts.users().approve(email, pin);
    }

    /** Puts the open cart aside as entered (items, customer, sale discount) under {@code label}; needs a user. */
    public ParkedSale park(List<SaleItem> items, String customerNumber, Discount saleDiscount, String label) {
        return parts.parked().park(parts.users().require(), items, customerNumber, saleDiscount, label);
    }

    /** The parked carts of this till, oldest first. */
    public List<ParkedSale> parkedSales() {
        return parts.parked().list();
    }

    /** Takes parked cart {@code id} back (and off the parked list, in one transaction); needs a user. */
    public ParkedSale resume(long id) {
        return parts.parked().resume(parts.users().require(), id);
    }

    /** Records in the event log ({@code void_line}) that {@code line} was taken off the open cart, and why; needs a user. */
    public void voidLine(SaleItem line, String reason) {
        parts.parked().voidLine(parts.users().require(), line, reason);
    }

    /** Records in the event log ({@code void_sale}) that the open cart of {@code items} was abandoned, and why; needs a user. */
    public void voidSale(String reason, List<SaleItem> items) {
        parts.parked().voidSale(parts.users().require(), reason, items);
    }

    /**
     * Records a sale in one transaction, then prints it; needs a user and a shift. No network: the sale is online only
     * if the server answered within the online window ({@link TerminalOptions#onlineWindow}), else it is OFFLINE.
     */
    public SaleReceipt recordSale(SaleRequest req) {
        return afterRecording(parts.sales().recordSale(parts.users()::require, req, () -> !parts.monitor().confirmedOnline()));
    }

    /** Records a return against an invoice of this terminal (refunds as negative payments), then prints as {@link #recordSale} does. */
    /**
     * Records a return against a sale of any till of the store: asked of the server first when online (what every till
     * has taken back), else from the store's recent sales the pull brought and this till's own (sale/ReturnSources).
     */
    public SaleReceipt recordReturn(ReturnRequest req) {
        UserSession u = parts.users().require();
        boolean online = parts.monitor().confirmedOnline();
        var fresh = new dev.tillsync.terminal.returns.ReturnLookup(parts.clients(), parts.devices()).ask(req.againstNumber(), online);
        return afterRecording(parts.sales().recordReturn(u, req, !online, fresh));
    }

    /** The sale {@code number} as a return screen shows it: each line with what has come back from every till known. */
    public dev.tillsync.core.returns.ReturnableInvoice returnable(String number) {
        parts.users().require();
        String n = number == null ? "" : number.trim();
        var fresh = new dev.tillsync.terminal.returns.ReturnLookup(parts.clients(), parts.devices()).ask(n, parts.monitor().confirmedOnline());
        return parts.sales().returnable(n, fresh);
    }

    private SaleReceipt afterRecording(SaleRecorder.Recorded r) {
        InvoicePayload inv = r.invoice();
        parts.listeners().publish(new TerminalEvent.SaleRecorded(inv.number(), inv.grandTotalMinor(), inv.offline()));
        SaleReceipt receipt = parts.receipts().recorded(r);
        parts.scheduler().afterRecording(inv.offline());
        return receipt;
    }

    /** Prints a receipt again, marked REPRINT; needs can_reprint. */
    public SaleReceipt reprint(String number) {
        parts.users().require(Permission.REPRINT);
        return parts.receipts().reprint(number);
    }

    /** Sales History: transactions newest first with their sync status (Failed with the server's reason). */
    public List<HistoryEntry> history(HistoryFilter filter) {
        return parts.history().list(filter);
    }

    /** An invoice of this terminal as it was recorded (lines, tax, payments, change), or {@code unknown_invoice}. */
    public InvoicePayload recordedInvoice(String number) {
        return parts.history().invoice(number).invoice();
    }

    /** The newest event-log entries. */
    public List<LogEntry> events(int limit) {
        return parts.eventLog().latest(limit);
    }

    /** Sets a Failed transaction back to Pending so the next sync sends it again. */
    public void retry(String uuid) {
        parts.users().require();
        parts.retries().retry(uuid);
    }

    /** Sets every Failed transaction back to Pending; returns how many. */
    public int retryAllFailed() {
        parts.users().require();
        return parts.retries().retryAllFailed();
    }

    /** Starts a sync (push, pull, finish an unlink) or joins the running one; server trouble is in {@link SyncSummary#error()}. */
    public CompletableFuture<SyncSummary> syncNow() {
        return parts.scheduler().syncNow();
    }

    /** Probes the server now (blocks up to the probe timeout) and records the connectivity. */
    public boolean probe() {
        return parts.monitor().probeNow();
    }

    /** Last known connectivity, no network. */
    public boolean online() {
        return parts.monitor().lastKnownOnline();
    }

    /** Starts the connectivity monitor: it publishes online/offline switches and syncs when the line comes back and while online. */
    public void startBackground() {
        parts.scheduler().start();
    }

    /** Stops the background monitor (a running sync finishes on its own). */
    public void stop() {
        parts.scheduler().stop();
    }

    /** Writes a signed export file of unsynced transactions (or a range); needs can_export_log. Changes no status. */
    public ExportResult export(Path out, ExportRange range) {
        parts.users().require(Permission.EXPORT_LOG);
        DeviceState d = parts.devices().require();
        return parts.exporter().export(out, range, d.posId(), parts.devices().readSecret());
    }

    /** Records that an export file was uploaded by hand; needs can_export_log. */
    public void markUploaded(Path file) {
        parts.users().require(Permission.EXPORT_LOG);
        parts.exporter().markUploaded(file);
    }

    /** Posts an export file to the server's import and marks the rows it answers for; needs can_export_log. */
    public UploadResult upload(Path file) {
        parts.users().require(Permission.EXPORT_LOG);
        return parts.exporter().upload(file, parts.clients().forDevice(parts.devices().require()), parts.monitor());
    }

    /** Writes the event log as JSON lines; needs can_export_log. */
    public int exportEventLog(Path out) {
        parts.users().require(Permission.EXPORT_LOG);
        return parts.eventLog().writeJsonLines(out);
    }

    /** POS ID, link status, connectivity and since when, queue counts, last sync and error, user and shift. */
    public TerminalStatus status() {
        return parts.statusReport().status();
    }

    /** Sets the cash drawer's pin (2, 5 or off) and, when given, its pulse ON_MS/OFF_MS; logged. Needs can_configure_pos. */
    public DrawerSetting setDrawer(String pin, String pulse) {
        UserSession u = parts.users().require(Permission.CONFIGURE_POS);
        DrawerSetting now = tillPrinter().drawer();
        DrawerSetting d = new DrawerSetting(pin == null ? now.pin() : DrawerSetting.parsePin(pin), now.onMs(), now.offMs());
        if (pulse != null) d = d.withPulse(pulse);
        tillPrinter().setDrawer(d, u.email());
        return d;
    }

    /** The cash drawer as set on this till (default pin 2, 50 ms on / 500 ms off). */
    public DrawerSetting drawer() {
        return tillPrinter().drawer();
    }

    /** Prints a test receipt on {@code target}, or on the till's printer when null; needs a logged-in user. Never throws for the printer. */
    public PrintCheck testPrint(String target) {
        UserSession u = parts.users().require();
        DeviceState d = parts.devices().require();
        return tillPrinter().testPrint(target == null ? d.printerTarget() : target, d.posId(), u.email());
    }

    /**
     * Opens the cash drawer without a sale, logged with who, when and why (sent or failed). Allowed to a user with
     * can_configure_pos and to the cashier whose shift is open (who answers for the cash in it).
     */
    public PrintCheck openDrawer(String reason) {
        UserSession u = parts.users().require();
        boolean ownShift = parts.shifts().current().map(s -> s.user().equalsIgnoreCase(u.email())).orElse(false);
        if (!ownShift && !u.can(Permission.CONFIGURE_POS)) {
            throw new TerminalException("not_permitted", u.email() + " may not open the cash drawer: only the cashier of the open shift"
                    + " or a user with the 'can_configure_pos' flag may. Open your shift first, or ask a manager.");
        }
        return tillPrinter().openDrawer(parts.devices().require().printerTarget(), u.email(), reason);
    }

    private TillPrinter tillPrinter() {
        return new TillPrinter(parts.store(), parts.clock());
    }

    @Override
    public void close() {
        parts.scheduler().close();
        parts.receipts().close(); // waits for the PDF previews still being written: none is lost when the process exits
        parts.store().close();
    }
}
