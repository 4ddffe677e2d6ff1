package dev.tillsync.terminal;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.tillsync.core.invoice.InvoicePayload;
import dev.tillsync.core.master.ProfileData;
import dev.tillsync.core.sync.ConnectionStatus;
import dev.tillsync.core.sync.LinkRequest;
import dev.tillsync.core.sync.LinkResponse;
import dev.tillsync.core.sync.RowKind;
import dev.tillsync.terminal.catalog.ItemCatalog;
import dev.tillsync.terminal.customer.CustomerBook;
import dev.tillsync.terminal.export.Exporter;
import dev.tillsync.terminal.outbox.Outbox;
import dev.tillsync.terminal.receipt.ReceiptPrinter;
import dev.tillsync.terminal.receipt.ReceiptText;
import dev.tillsync.terminal.sale.SaleRecorder;
import dev.tillsync.terminal.shift.ShiftBook;
import dev.tillsync.terminal.store.DeviceRepo;
import dev.tillsync.terminal.store.DeviceState;
import dev.tillsync.terminal.store.EventLog;
import dev.tillsync.terminal.store.ProfileRepo;
import dev.tillsync.terminal.store.SyncStateRepo;
import dev.tillsync.terminal.store.TerminalStore;
import dev.tillsync.terminal.sync.ConnectivityMonitor;
import dev.tillsync.terminal.sync.ServerClient;
import dev.tillsync.terminal.sync.SyncEngine;
import dev.tillsync.terminal.user.UserDirectory;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The terminal engine over one data folder: everything the CLI and the desktop UI do goes through here.
 *
 * <p>Open one per data folder and process with {@link #open(Path)}; it is thread-safe. Every recording
 * operation is one SQLite transaction and is durable when the method returns; failures are
 * {@link TerminalException}s with a {@code code()} and a message for the cashier, and leave nothing half-written.
 *
 * <p>Typical desktop use:
 * <pre>{@code
 * try (PosTerminal pos = PosTerminal.open(dataDir)) {
 *     pos.addListener(event -> Platform.runLater(() -> show(event)));
 *     pos.startBackground();                      // connectivity monitor + automatic sync
 *     pos.login("amira@demo.shop", "1234");
 *     pos.openShift(Money.parse("100.00"), null);
 *     SaleReceipt r = pos.recordSale(new SaleRequest(List.of(new SaleItem("4006381333931", 2)), null,
 *             List.of(new Payment("Cash", Money.parse("5.00"), null))));
 * }
 * }</pre>
 *
 * <p>Long-running work: {@link #syncNow()} returns a future (joining a sync already running);
 * {@link #link} and {@link #probe()} block on the network and belong off the UI thread. Everything else
 * touches only the local store and returns in milliseconds. A receipt's PDF preview is written by one background
 * writer thread after {@code recordSale}/{@code recordReturn}/{@code reprint} return ({@link SaleReceipt#pdf()});
 * {@link #close()} waits for the pending ones.
 */
public final class PosTerminal implements AutoCloseable {
    private final TerminalStore store;
    private final TerminalOptions options;
    private final Clock clock;
    private final DeviceRepo devices;
    private final UserDirectory users;
    private final ShiftBook shifts;
    private final CustomerBook customers;
    private final SaleRecorder sales;
    private final ReceiptPrinter printer;
    private final Exporter exporter;
    private final ConnectivityMonitor monitor;
    private final SyncEngine engine;
    private final List<TerminalListener> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService syncExecutor;
    private CompletableFuture<SyncSummary> runningSync;
    private volatile boolean background;
    private volatile Instant lastAutoSync = Instant.EPOCH;

    private PosTerminal(TerminalStore store, TerminalOptions options) {
        this.store = store;
        this.options = options;
        this.clock = options.clock();
        this.devices = new DeviceRepo(store);
        this.users = new UserDirectory(store, clock);
        this.shifts = new ShiftBook(store, clock);
        this.customers = new CustomerBook(store, clock);
        this.sales = new SaleRecorder(store, clock);
        this.printer = new ReceiptPrinter(store.dataDir());
        this.exporter = new Exporter(store, clock);
        this.monitor = new ConnectivityMonitor(store, clock, this::clientIfLinked, this::publish,
                options.onlineProbeInterval(), options.maxBackoff());
        this.engine = new SyncEngine(store, clock, this::client, this::publish, monitor);
        this.syncExecutor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "tillsync-sync");
            t.setDaemon(true);
            return t;
        });
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

    // ---------------------------------------------------------------- events

    /** Registers a listener for connectivity, sync progress, sync results, link status and recorded sales. */
    public void addListener(TerminalListener l) {
        listeners.add(l);
    }

    public void removeListener(TerminalListener l) {
        listeners.remove(l);
    }

    private void publish(TerminalEvent e) {
        for (TerminalListener l : listeners) {
            try {
                l.onEvent(e);
            } catch (RuntimeException ignored) {
                // a listener's bug must not break recording or syncing
            }
        }
    }

    // ---------------------------------------------------------------- linking and configuration

    /** True when this data folder holds a linked (or unlinking) device. */
    public boolean isLinked() {
        return devices.load().map(d -> d.connectionStatus() != ConnectionStatus.UNLINKED).orElse(false);
    }

    /**
     * Redeems a one-time link code, stores the device secret (DATA/device.secret, 0600) and configuration,
     * then pulls all master data (progress as {@link TerminalEvent.PullProgress}). Blocks on the network.
     */
    public LinkResult link(String serverUrl, String code, String deviceLabel) {
        Optional<DeviceState> existing = devices.load();
        if (existing.isPresent() && existing.get().connectionStatus() != ConnectionStatus.UNLINKED) {
            throw new TerminalException("already_linked", "This terminal is already linked as " + existing.get().posId()
                    + ". Use another data folder to link another device.");
        }
        if (code == null || code.isBlank()) throw new TerminalException("bad_link_code", "Give the link code with --code.");
        ServerClient anonymous = new ServerClient(serverUrl, null, null, options.requestTimeout(), options.probeTimeout());
        LinkResponse resp = anonymous.link(new LinkRequest(code.trim(), deviceLabel == null ? "tillsync terminal" : deviceLabel));
        if (resp.config() == null || resp.deviceSecret() == null || resp.config().invoiceSeries() == null) {
            throw new TerminalException("server_garbage", "The server's link answer is incomplete (no secret or configuration).");
        }
        devices.writeSecret(resp.deviceSecret());
        Instant now = clock.instant();
        store.useTx(h -> {
            DeviceRepo.insert(h, serverUrl.trim(), resp.config(), now);
            SyncStateRepo.setCursor(h, "");
            h.createUpdate("DELETE FROM session").execute();
            EventLog.append(h, now, "linked", resp.posId(), serverUrl);
        });
        monitor.observe(true, "linked");
        try {
            return new LinkResult(resp.posId(), engine.firstPull(), null);
        } catch (TerminalException e) {
            return new LinkResult(resp.posId(), 0, e.getMessage());
        }
    }

    /** Points the terminal at another server URL; needs can_configure_pos. */
    public void setServerUrl(String url) {
        UserSession u = users.require(Permission.CONFIGURE_POS);
        ServerClient.apiBase(url);
        devices.require();
        store.useTx(h -> {
            DeviceRepo.setServerUrl(h, url.trim());
            EventLog.append(h, clock.instant(), "config", "server_url", url.trim() + " by " + u.email());
        });
    }

    /** Sets where ESC/POS bytes go: a device (e.g. /dev/usb/lp0), a file or a folder; blank for the default. Needs can_configure_pos. */
    public void setPrinterTarget(String target) {
        UserSession u = users.require(Permission.CONFIGURE_POS);
        devices.require();
        String t = target == null || target.isBlank() ? null : target.trim();
        store.useTx(h -> {
            DeviceRepo.setPrinterTarget(h, t);
            EventLog.append(h, clock.instant(), "config", "printer_target", t + " by " + u.email());
        });
    }

    /**
     * Where receipts' ESC/POS bytes go (a device such as /dev/usb/lp0, a file or a folder), as set by
     * {@link #setPrinterTarget}; empty when unset (the receipts folder in the data folder) or not linked.
     */
    public Optional<String> printerTarget() {
        return devices.load().map(DeviceState::printerTarget);
    }

    /**
     * Identity and queue of this device: POS ID, server URL, invoice and customer series, POS profile, link
     * status, printer target, last successful sync and the outbox counts (the same figures as {@link #status()}).
     * Reads only the local store.
     */
    public DeviceInfo deviceInfo() {
        TerminalStatus s = status();
        Optional<DeviceState> d = devices.load();
        return new DeviceInfo(s.posId(), s.serverUrl(), d.map(x -> x.config().invoiceSeries()).orElse(null),
                d.map(x -> x.config().customerSeries()).orElse(null), d.map(x -> x.config().posProfile()).orElse(null),
                s.linkStatus(), d.map(DeviceState::printerTarget).orElse(null), s.lastSync(),
                s.pending(), s.syncing(), s.failed(), s.synced());
    }

    // ---------------------------------------------------------------- users

    /** Checks the PIN offline against the synced hash; 5 wrong PINs lock the user out for 5 minutes. */
    public UserSession login(String email, String pin) {
        // An unlinked terminal stays locked, except to let a user export what never reached the server (forced unlink).
        if (devices.require().connectionStatus() == ConnectionStatus.UNLINKED && store.read(h -> Outbox.unsynced(h).isEmpty())) {
            throw new TerminalException("terminal_unlinked", "This terminal was unlinked by the back office and is locked. "
                    + "Unsynced transactions can still be exported by a manager's tools; ask for a new link code to use it again.");
        }
        return users.login(email, pin);
    }

    /**
     * The users who may log in on this device (the login picker), sorted by display name: email, names and
     * permission flags, never the PIN hash. Empty before the first pull. Works without anyone logged in.
     */
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
        return users.current().map(u -> u.can(p)).orElse(false);
    }

    // ---------------------------------------------------------------- shifts

    /** Opens a shift for the logged-in user; {@code shiftType} null takes the user's shift type from the server. */
    public ShiftInfo openShift(long openingFloatMinor, String shiftType) {
        UserSession u = users.require();
        SaleRecorderGuards.requireActive(devices);
        return shifts.open(u, openingFloatMinor, shiftType);
    }

    /** Closes the open shift: expected vs counted cash, difference and totals per payment mode. */
    public ShiftCloseReport closeShift(long countedCashMinor) {
        return shifts.close(users.require(), countedCashMinor);
    }

    public Optional<ShiftInfo> currentShift() {
        return shifts.current();
    }

    // ---------------------------------------------------------------- catalogue and customers

    /** Finds an item by code or barcode, with local stock. */
    public Optional<Item> findItem(String codeOrBarcode) {
        return store.read(h -> ItemCatalog.find(h, codeOrBarcode));
    }

    /**
     * Active items whose code, name or barcode contains {@code text} (case-insensitive; %, _ and quotes match
     * literally), in code order, at most {@code limit}; blank text lists the catalogue.
     */
    public List<Item> searchItems(String text, int limit) {
        return store.read(h -> ItemCatalog.search(h, text, limit));
    }

    public List<Customer> customers(String search, int limit) {
        return customers.search(search, limit);
    }

    /** Adds a customer numbered from the device's customer series and queues it for the server. */
    public Customer addCustomer(NewCustomer c) {
        users.require();
        SaleRecorderGuards.requireActive(devices);
        return customers.add(c);
    }

    /** The payment modes of the POS profile. */
    public List<String> paymentModes() {
        return store.read(h -> DeviceRepo.load(h).flatMap(d -> ProfileRepo.current(h, d)).map(ProfileData::paymentModes).orElse(List.of()));
    }

    // ---------------------------------------------------------------- selling

    /**
     * Records a sale in one transaction (never waits on the network: the offline flag is the last known
     * connectivity), then prints the receipt (text and ESC/POS) and hands its PDF preview to the background
     * receipt writer ({@link SaleReceipt#pdf()}). Needs a logged-in user and an open shift.
     */
    public SaleReceipt recordSale(SaleRequest req) {
        // The session and the online flag are read inside the sale's transaction, joining it (one store round, not three).
        SaleRecorder.Recorded r = sales.recordSale(users::require, req, () -> !monitor.lastKnownOnline());
        return afterRecording(r);
    }

    /** Records a return against an invoice of this terminal (refunds as negative payments), then prints the receipt as {@link #recordSale} does. */
    public SaleReceipt recordReturn(ReturnRequest req) {
        UserSession u = users.require();
        boolean offline = !monitor.lastKnownOnline();
        SaleRecorder.Recorded r = sales.recordReturn(u, req, offline);
        return afterRecording(r);
    }

    private SaleReceipt afterRecording(SaleRecorder.Recorded r) {
        publish(new TerminalEvent.SaleRecorded(r.invoice().number(), r.invoice().grandTotalMinor(), r.invoice().offline()));
        // The device and profile come from the sale's own transaction: the receipt shows what the sale was recorded under.
        SaleReceipt receipt = render(r.invoice(), r.row().uuid(), r.row().seq(), false, r.device(), Optional.of(r.profile()));
        if (background && !r.invoice().offline()) syncNow();
        return receipt;
    }

    /** Prints a receipt again, marked REPRINT; needs can_reprint. */
    public SaleReceipt reprint(String number) {
        users.require(Permission.REPRINT);
        record Found(String payload, String uuid, long seq) {}
        Found f = store.read(h -> h.createQuery("SELECT o.payload, o.uuid, o.seq FROM invoice i JOIN outbox o ON o.seq = i.outbox_seq WHERE i.number = :n")
                .bind("n", number).map((rs, ctx) -> new Found(rs.getString(1), rs.getString(2), rs.getLong(3))).findOne())
                .orElseThrow(() -> new TerminalException("unknown_invoice", "No invoice '" + number + "' on this terminal."));
        InvoicePayload inv;
        try {
            inv = dev.tillsync.core.json.Json.mapper().readValue(f.payload(), InvoicePayload.class);
        } catch (JsonProcessingException e) {
            throw new TerminalException("store_corrupt", "Invoice " + number + " is unreadable in the store.", e);
        }
        store.useTx(h -> EventLog.append(h, clock.instant(), "reprint", number, null));
        return render(inv, f.uuid(), f.seq(), true);
    }

    private SaleReceipt render(InvoicePayload inv, String uuid, long seq, boolean reprint) {
        DeviceState d = devices.require();
        return render(inv, uuid, seq, reprint, d, store.read(h -> ProfileRepo.current(h, d)));
    }

    private SaleReceipt render(InvoicePayload inv, String uuid, long seq, boolean reprint, DeviceState d, Optional<ProfileData> profile) {
        ReceiptText.Context ctx = new ReceiptText.Context(d.posId(), profile.map(ProfileData::receiptHeader).orElse(null),
                profile.map(ProfileData::receiptFooter).orElse(null), reprint);
        ReceiptPrinter.Printed p = printer.print(inv, ctx, d.printerTarget());
        return new SaleReceipt(inv.number(), uuid, seq, inv, inv.offline(), reprint, p.text(), p.escpos(), p.warning(),
                new PdfPreview(inv.number(), p.pdf(), p.pdfDone()));
    }

    // ---------------------------------------------------------------- history

    /** Sales History: transactions newest first with their sync status (Failed with the server's reason). */
    public List<HistoryEntry> history(HistoryFilter filter) {
        StringBuilder sql = new StringBuilder("""
                SELECT o.seq, o.uuid, o.kind, o.ref, o.created_at, o.status, o.reason_code, o.reason, o.attempts,
                       i.posted_at, i.customer_number, i.grand_minor, i.offline
                FROM outbox o LEFT JOIN invoice i ON i.outbox_seq = o.seq WHERE 1 = 1
                """);
        if (filter.status() != null) sql.append(" AND o.status = :status");
        if (filter.invoicesOnly()) sql.append(" AND o.kind = 'invoice'");
        sql.append(" ORDER BY o.seq DESC LIMIT :limit");
        return store.read(h -> {
            var q = h.createQuery(sql.toString()).bind("limit", filter.limit() <= 0 ? 1000 : filter.limit());
            if (filter.status() != null) q.bind("status", filter.status().label());
            return q.map((rs, ctx) -> {
                String posted = rs.getString("posted_at");
                long grand = rs.getLong("grand_minor");
                Long total = rs.wasNull() ? null : grand;
                return new HistoryEntry(rs.getLong("seq"), rs.getString("uuid"), RowKind.fromWire(rs.getString("kind")),
                        rs.getString("ref"), Instant.parse(posted != null ? posted : rs.getString("created_at")),
                        rs.getString("customer_number"), total, rs.getInt("offline") == 1, SyncStatus.fromLabel(rs.getString("status")),
                        rs.getString("reason_code"), rs.getString("reason"), rs.getInt("attempts"));
            }).list();
        });
    }

    /** The newest event-log entries. */
    public List<EventLog.Entry> events(int limit) {
        return store.read(h -> EventLog.list(h, limit));
    }

    // ---------------------------------------------------------------- sync

    /** Sets a Failed transaction back to Pending so the next sync sends it again. */
    public void retry(String uuid) {
        users.require();
        store.useTx(h -> {
            Outbox.retry(h, uuid, clock.instant());
            EventLog.append(h, clock.instant(), "retry", uuid, null);
        });
    }

    /** Sets every Failed transaction back to Pending; returns how many. */
    public int retryAllFailed() {
        users.require();
        return store.inTx(h -> {
            int n = Outbox.retryAllFailed(h, clock.instant());
            EventLog.append(h, clock.instant(), "retry", null, "all failed: " + n);
            return n;
        });
    }

    /**
     * Starts a sync (push, then pull, then finish an unlink if asked) on the engine's sync thread, or returns
     * the one already running: a manual sync during an automatic one joins it. Never completes exceptionally
     * for server trouble: see {@link SyncSummary#error()}.
     */
    public synchronized CompletableFuture<SyncSummary> syncNow() {
        if (runningSync != null && !runningSync.isDone()) return runningSync;
        devices.require();
        runningSync = CompletableFuture.supplyAsync(engine::run, syncExecutor);
        return runningSync;
    }

    /** Probes the server now (blocks up to the probe timeout) and records the connectivity. */
    public boolean probe() {
        return monitor.probeNow();
    }

    /** Last known connectivity, no network. */
    public boolean online() {
        return monitor.lastKnownOnline();
    }

    /**
     * Starts the connectivity monitor in the background: it probes, publishes online/offline switches, syncs
     * automatically when the line comes back, and periodically while online.
     */
    public void startBackground() {
        devices.require();
        background = true;
        monitor.start(this::syncNow, () -> {
            boolean due = Instant.now().isAfter(lastAutoSync.plus(options.autoSyncInterval()));
            boolean pending = store.read(Outbox::unsentCount) > 0;
            if (due || pending) {
                lastAutoSync = Instant.now();
                syncNow();
            }
        });
    }

    /** Stops the background monitor (a running sync finishes on its own). */
    public void stop() {
        background = false;
        monitor.stop();
    }

    // ---------------------------------------------------------------- export

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
        DeviceState d = devices.require();
        try {
            UploadResult r = exporter.upload(file, client(d));
            monitor.observe(true, "upload answered");
            return r;
        } catch (dev.tillsync.terminal.sync.ServerException e) {
            if (e.unreachable()) monitor.observe(false, e.code());
            throw e;
        }
    }

    /** Writes the event log as JSON lines; needs can_export_log. */
    public int exportEventLog(Path out) {
        users.require(Permission.EXPORT_LOG);
        List<EventLog.Entry> entries = new ArrayList<>(events(Integer.MAX_VALUE));
        java.util.Collections.reverse(entries);
        var mapper = dev.tillsync.core.json.Json.mapper();
        try (Writer w = Files.newBufferedWriter(out)) {
            for (EventLog.Entry e : entries) {
                w.write(mapper.writeValueAsString(e));
                w.write('\n');
            }
        } catch (IOException e) {
            throw new TerminalException("export_failed", "Cannot write " + out + ": " + e.getMessage(), e);
        }
        store.useTx(h -> EventLog.append(h, clock.instant(), "log_export", out.toString(), "entries=" + entries.size()));
        return entries.size();
    }

    // ---------------------------------------------------------------- status

    /** POS ID, link status, connectivity and since when, queue counts, last sync and error, user and shift. */
    public TerminalStatus status() {
        return store.read(h -> {
            Optional<DeviceState> d = DeviceRepo.load(h);
            Map<SyncStatus, Long> counts = Outbox.counts(h);
            SyncStateRepo.State s = SyncStateRepo.load(h);
            String profile = d.isEmpty() ? null : ProfileRepo.current(h, d.get()).map(ProfileData::name).orElse(null);
            String user = h.createQuery("SELECT user_email FROM session WHERE id = 1").mapTo(String.class).findOne().orElse(null);
            return new TerminalStatus(d.map(DeviceState::posId).orElse(null), d.map(DeviceState::serverUrl).orElse(null),
                    d.map(x -> x.connectionStatus().label()).orElse("Not linked"), s.online(), s.onlineSince(),
                    counts.get(SyncStatus.PENDING), counts.get(SyncStatus.SYNCING), counts.get(SyncStatus.FAILED),
                    counts.get(SyncStatus.SYNCED), s.lastSyncAt(), s.lastError(), s.lastErrorAt(), user,
                    ShiftBook.current(h).orElse(null), profile);
        });
    }

    // ---------------------------------------------------------------- plumbing

    private ServerClient client(DeviceState d) {
        return new ServerClient(d.serverUrl(), d.posId(), devices.readSecret(), options.requestTimeout(), options.probeTimeout());
    }

    private Optional<ServerClient> clientIfLinked() {
        return devices.load().map(d -> new ServerClient(d.serverUrl(), d.posId(), null, options.requestTimeout(), options.probeTimeout()));
    }

    @Override
    public void close() {
        stop();
        syncExecutor.shutdown();
        try {
            syncExecutor.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        printer.close(); // waits for the PDF previews still being written: none is lost when the process exits
        store.close();
    }

    /** Guards shared by operations that create new transactions. */
    private static final class SaleRecorderGuards {
        static void requireActive(DeviceRepo devices) {
            DeviceState d = devices.require();
            if (d.connectionStatus() == ConnectionStatus.UNLINK_IN_PROGRESS) {
                throw new TerminalException("unlink_in_progress", "The back office is unlinking this terminal: no new transactions. Run terminal sync.");
            }
            if (d.connectionStatus() == ConnectionStatus.UNLINKED) {
                throw new TerminalException("terminal_unlinked", "This terminal was unlinked by the back office and is locked. Ask a manager for a new link code.");
            }
        }
    }
}
