package dev.tillsync.terminal;

import dev.tillsync.terminal.catalog.ItemCatalog;
import dev.tillsync.terminal.customer.CustomerBook;
import dev.tillsync.terminal.export.Exporter;
import dev.tillsync.terminal.history.EventLogBook;
import dev.tillsync.terminal.history.SalesHistory;
import dev.tillsync.terminal.history.StatusReport;
import dev.tillsync.terminal.outbox.Retries;
import dev.tillsync.terminal.receipt.Receipts;
import dev.tillsync.terminal.sale.SaleRecorder;
import dev.tillsync.terminal.shift.ShiftBook;
import dev.tillsync.terminal.store.DeviceRepo;
import dev.tillsync.terminal.store.DeviceState;
import dev.tillsync.terminal.store.ProfileRepo;
import dev.tillsync.terminal.store.TerminalStore;
import dev.tillsync.terminal.sync.ConnectivityMonitor;
import dev.tillsync.terminal.sync.Linker;
import dev.tillsync.terminal.sync.ServerClient;
import dev.tillsync.terminal.sync.ServerClients;
import dev.tillsync.terminal.sync.SyncEngine;
import dev.tillsync.terminal.sync.SyncScheduler;
import dev.tillsync.terminal.user.TillUsers;
import java.nio.file.Path;
import java.time.Clock;
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
    private final TerminalStore store;
    private final Clock clock;
    private final TerminalListeners listeners = new TerminalListeners();
    private final DeviceRepo devices;
    private final ServerClients clients;
    private final TillUsers users;
    private final ShiftBook shifts;
    private final CustomerBook customers;
    private final SaleRecorder sales;
    private final SalesHistory history;
    private final Receipts receipts;
    private final StatusReport statusReport;
    private final EventLogBook eventLog;
    private final Exporter exporter;
    private final Retries retries;
    private final ConnectivityMonitor monitor;
    private final Linker linker;
    private final SyncScheduler scheduler;

    private PosTerminal(TerminalStore store, TerminalOptions options) {
        this.store = store;
        this.clock = options.clock();
        this.devices = new DeviceRepo(store);
        this.clients = new ServerClients(devices, options);
        this.users = new TillUsers(store, clock);
        this.shifts = new ShiftBook(store, clock);
        this.customers = new CustomerBook(store, clock);
        this.sales = new SaleRecorder(store, clock);
        this.history = new SalesHistory(store);
        this.receipts = new Receipts(store, clock, devices, history);
        this.statusReport = new StatusReport(store);
        this.eventLog = new EventLogBook(store, clock);
        this.exporter = new Exporter(store, clock);
        this.retries = new Retries(store, clock);
        this.monitor = new ConnectivityMonitor(store, clock, clients::forProbe, listeners::publish,
                options.onlineProbeInterval(), options.maxBackoff());
        SyncEngine engine = new SyncEngine(store, clock, clients::forDevice, listeners::publish, monitor);
        this.linker = new Linker(store, clock, devices, clients, monitor, engine);
        this.scheduler = new SyncScheduler(store, devices, engine, monitor, options.autoSyncInterval());
    }

    /** Opens (creating and migrating if needed) the terminal store in {@code dataDir} with default options. */
    public static PosTerminal open(Path dataDir) {
        return open(dataDir, TerminalOptions.defaults());
    }

    public static PosTerminal open(Path dataDir, TerminalOptions options) {
        return new PosTerminal(TerminalStore.open(dataDir), options);
    }

    public Path dataDir() {
        return store.dataDir();
    }

    /** Registers a listener for connectivity, sync progress, sync results, link status and recorded sales. */
    public void addListener(TerminalListener l) {
        listeners.add(l);
    }

    /** True when this data folder holds a linked (or unlinking) device. */
    public boolean isLinked() {
        return devices.isLinked();
    }

    /** Redeems a one-time link code, stores the secret and configuration, then pulls all master data. Blocks on the network. */
    public LinkResult link(String serverUrl, String code, String deviceLabel) {
        return linker.link(serverUrl, code, deviceLabel);
    }

    /** Points the terminal at another server URL; needs can_configure_pos. */
    public void setServerUrl(String url) {
        UserSession u = users.require(Permission.CONFIGURE_POS);
        ServerClient.apiBase(url); // refuses a malformed URL before anything is stored
        devices.changeServerUrl(url, u.email(), clock.instant());
    }

    /** Sets where ESC/POS bytes go: a device (e.g. /dev/usb/lp0), a file or a folder; blank for the default. Needs can_configure_pos. */
    public void setPrinterTarget(String target) {
        UserSession u = users.require(Permission.CONFIGURE_POS);
        devices.changePrinterTarget(target, u.email(), clock.instant());
    }

    /** Where receipts' ESC/POS bytes go; empty when unset (the receipts folder in the data folder) or not linked. */
    public Optional<String> printerTarget() {
        return devices.load().map(DeviceState::printerTarget);
    }

    /** Identity and queue of this device: the {@link #status()} figures with series, profile and printer target. */
    public DeviceInfo deviceInfo() {
        return statusReport.deviceInfo();
    }

    /** Checks the PIN offline against the synced hash; 5 wrong PINs lock the user out for 5 minutes. */
    public UserSession login(String email, String pin) {
        return users.login(email, pin);
    }

    /** The users who may log in here (the login picker), by display name, never the PIN hash; no login needed. */
    public List<DeviceUserInfo> deviceUsers() {
        return users.list();
    }

    public void logout() {
        users.logout();
    }

    public Optional<UserSession> currentUser() {
        return users.current();
    }

    /** Whether the logged-in user holds {@code p} (false when nobody is logged in). */
    public boolean can(Permission p) {
        return users.can(p);
    }

    /** Opens a shift for the logged-in user; {@code shiftType} null takes the user's shift type from the server. */
    public ShiftInfo openShift(long openingFloatMinor, String shiftType) {
        UserSession u = users.require();
        devices.requireActive();
        return shifts.open(u, openingFloatMinor, shiftType);
    }

    /** Closes the open shift: expected vs counted cash, difference and totals per payment mode. */
    public ShiftCloseReport closeShift(long countedCashMinor) {
        return shifts.close(users.require(), countedCashMinor);
    }

    public Optional<ShiftInfo> currentShift() {
        return shifts.current();
    }

    /** Finds an item by code or barcode, with local stock. */
    public Optional<Item> findItem(String codeOrBarcode) {
        return store.read(h -> ItemCatalog.find(h, codeOrBarcode));
    }

    /** Active items whose code, name or barcode contains {@code text} (case-insensitive, literally), in code order. */
    public List<Item> searchItems(String text, int limit) {
        return store.read(h -> ItemCatalog.search(h, text, limit));
    }

    public List<Customer> customers(String search, int limit) {
        return customers.search(search, limit);
    }

    /** Adds a customer numbered from the device's customer series and queues it for the server. */
    public Customer addCustomer(NewCustomer c) {
        users.require();
        devices.requireActive();
        return customers.add(c);
    }

    /** The payment modes of the POS profile. */
    public List<String> paymentModes() {
        return store.read(ProfileRepo::paymentModes);
    }

    /**
     * Records a sale in one transaction, never waiting on the network (offline is the last known connectivity), then
     * prints it; needs a logged-in user and an open shift. The session and online flag are read inside the sale's transaction.
     */
    public SaleReceipt recordSale(SaleRequest req) {
        return afterRecording(sales.recordSale(users::require, req, () -> !monitor.lastKnownOnline()));
    }

    /** Records a return against an invoice of this terminal (refunds as negative payments), then prints as {@link #recordSale} does. */
    public SaleReceipt recordReturn(ReturnRequest req) {
        UserSession u = users.require();
        return afterRecording(sales.recordReturn(u, req, !monitor.lastKnownOnline()));
    }

    private SaleReceipt afterRecording(SaleRecorder.Recorded r) {
        listeners.publish(new TerminalEvent.SaleRecorded(r.invoice().number(), r.invoice().grandTotalMinor(), r.invoice().offline()));
        SaleReceipt receipt = receipts.recorded(r);
        scheduler.afterRecording(r.invoice().offline());
        return receipt;
    }

    /** Prints a receipt again, marked REPRINT; needs can_reprint. */
    public SaleReceipt reprint(String number) {
        users.require(Permission.REPRINT);
        return receipts.reprint(number);
    }

    /** Sales History: transactions newest first with their sync status (Failed with the server's reason). */
    public List<HistoryEntry> history(HistoryFilter filter) {
        return history.list(filter);
    }

    /** The newest event-log entries. */
    public List<LogEntry> events(int limit) {
        return eventLog.latest(limit);
    }

    /** Sets a Failed transaction back to Pending so the next sync sends it again. */
    public void retry(String uuid) {
        users.require();
        retries.retry(uuid);
    }

    /** Sets every Failed transaction back to Pending; returns how many. */
    public int retryAllFailed() {
        users.require();
        return retries.retryAllFailed();
    }

    /** Starts a sync (push, pull, finish an unlink) or joins the running one; server trouble is in {@link SyncSummary#error()}. */
    public CompletableFuture<SyncSummary> syncNow() {
        return scheduler.syncNow();
    }

    /** Probes the server now (blocks up to the probe timeout) and records the connectivity. */
    public boolean probe() {
        return monitor.probeNow();
    }

    /** Last known connectivity, no network. */
    public boolean online() {
        return monitor.lastKnownOnline();
    }

    /** Starts the connectivity monitor: it publishes online/offline switches and syncs when the line comes back and while online. */
    public void startBackground() {
        scheduler.start();
    }

    /** Stops the background monitor (a running sync finishes on its own). */
    public void stop() {
        scheduler.stop();
    }

    /** Writes a signed export file of unsynced transactions (or a range); needs can_export_log. Changes no status. */
    public ExportResult export(Path out, ExportRange range) {
        users.require(Permission.EXPORT_LOG);
        DeviceState d = devices.require();
        return exporter.export(out, range, d.posId(), devices.readSecret());
    }

    /** Records that an export file was uploaded by hand; needs can_export_log. */
    public void markUploaded(Path file) {
        users.require(Permission.EXPORT_LOG);
        exporter.markUploaded(file);
    }

    /** Posts an export file to the server's import and marks the rows it answers for; needs can_export_log. */
    public UploadResult upload(Path file) {
        users.require(Permission.EXPORT_LOG);
        return exporter.upload(file, clients.forDevice(devices.require()), monitor);
    }

    /** Writes the event log as JSON lines; needs can_export_log. */
    public int exportEventLog(Path out) {
        users.require(Permission.EXPORT_LOG);
        return eventLog.writeJsonLines(out);
    }

    /** POS ID, link status, connectivity and since when, queue counts, last sync and error, user and shift. */
    public TerminalStatus status() {
        return statusReport.status();
    }

    @Override
    public void close() {
        scheduler.close();
        receipts.close(); // waits for the PDF previews still being written: none is lost when the process exits
        store.close();
    }
}
