package dev.tillsync.desktop.engine;

import dev.tillsync.terminal.Customer;
import dev.tillsync.terminal.DeviceInfo;
import dev.tillsync.terminal.ExportRange;
import dev.tillsync.terminal.ExportResult;
import dev.tillsync.terminal.HistoryEntry;
import dev.tillsync.terminal.HistoryFilter;
import dev.tillsync.terminal.Item;
import dev.tillsync.terminal.NewCustomer;
import dev.tillsync.terminal.Permission;
import dev.tillsync.terminal.PosTerminal;
import dev.tillsync.terminal.SaleReceipt;
import dev.tillsync.terminal.SaleRequest;
import dev.tillsync.terminal.ShiftCloseReport;
import dev.tillsync.terminal.ShiftInfo;
import dev.tillsync.terminal.SyncSummary;
import dev.tillsync.terminal.TerminalException;
import dev.tillsync.terminal.TerminalListener;
import dev.tillsync.terminal.TerminalStatus;
import dev.tillsync.terminal.UserSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** The screens' {@link Till} over the terminal engine's {@link PosTerminal} facade. */
public final class PosTerminalTill implements Till {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final PosTerminal terminal;
    private final DesktopPrefs prefs;
    private final boolean owned;

    /**
     * @param owned close the engine when the window closes (true when the desktop opened it itself)
     */
    public PosTerminalTill(PosTerminal terminal, boolean owned) {
        this.terminal = Objects.requireNonNull(terminal);
        this.prefs = new DesktopPrefs(terminal.dataDir());
        this.owned = owned;
    }

    public PosTerminal terminal() {
        return terminal;
    }

    @Override
    public List<DeviceUser> users() {
        return terminal.deviceUsers().stream().map(u -> new DeviceUser(u.email(), u.displayName())).toList();
    }

    @Override
    public UserSession login(String email, String pin) {
        return terminal.login(email, pin);
    }

    @Override
    public void logout() {
        terminal.logout();
    }

    @Override
    public Optional<UserSession> currentUser() {
        return terminal.currentUser();
    }

    @Override
    public ShiftInfo openShift(long openingFloatMinor) {
        return terminal.openShift(openingFloatMinor, null);
    }

    @Override
    public ShiftCloseReport closeShift(long countedCashMinor) {
        return terminal.closeShift(countedCashMinor);
    }

    @Override
    public Optional<ShiftInfo> currentShift() {
        return terminal.currentShift();
    }

    @Override
    public Optional<Item> findItem(String codeOrBarcode) {
        return terminal.findItem(codeOrBarcode);
    }

    @Override
    public List<Item> searchItems(String text, int limit) {
        return terminal.searchItems(text, limit);
    }

    @Override
    public List<Customer> searchCustomers(String text, int limit) {
        return terminal.customers(text, limit);
    }

    @Override
    public Customer addCustomer(NewCustomer customer) {
        return terminal.addCustomer(customer);
    }

    @Override
    public List<String> paymentModes() {
        return terminal.paymentModes();
    }

    @Override
    public SaleReceipt recordSale(SaleRequest sale) {
        return terminal.recordSale(sale);
    }

    @Override
    public List<HistoryEntry> history(HistoryFilter filter) {
        return terminal.history(filter);
    }

    @Override
    public SaleReceipt reprint(String invoiceNumber) {
        return terminal.reprint(invoiceNumber);
    }

    @Override
    public CompletableFuture<SyncSummary> retry(String uuid) {
        terminal.retry(uuid);
        return terminal.syncNow();
    }

    @Override
    public CompletableFuture<SyncSummary> syncNow() {
        return terminal.syncNow();
    }

    @Override
    public ExportResult export(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new TerminalException("bad_folder", "'" + folder + "' is not a folder: choose an existing folder for the export file.");
        }
        String posId = Optional.ofNullable(terminal.status().posId()).orElse("terminal");
        Path file = folder.resolve(posId + "-" + STAMP.format(java.time.Instant.now()) + ".tillsync-export");
        return terminal.export(file, ExportRange.unsynced());
    }

    @Override
    public TerminalStatus status() {
        return terminal.status();
    }

    @Override
    public TillSettings settings() {
        DeviceInfo info = terminal.deviceInfo();
        return new TillSettings(info.printerTarget(), info.serverUrl(), prefs.previewSize());
    }

    @Override
    public void saveSettings(TillSettings s) {
        if (!terminal.can(Permission.CONFIGURE_POS)) {
            throw new TerminalException("forbidden", "Changing settings needs the can_configure_pos permission.");
        }
        TillSettings before = settings();
        if (!Objects.equals(blankToNull(before.serverUrl()), blankToNull(s.serverUrl()))) terminal.setServerUrl(s.serverUrl());
        if (!Objects.equals(blankToNull(before.printerTarget()), blankToNull(s.printerTarget()))) terminal.setPrinterTarget(s.printerTarget());
        prefs.previewSize(s.previewSize());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    @Override
    public String invoiceSeries() {
        return terminal.deviceInfo().invoiceSeries();
    }

    @Override
    public void addListener(TerminalListener listener) {
        terminal.addListener(listener);
    }

    @Override
    public void startBackground() {
        terminal.startBackground();
    }

    @Override
    public void close() {
        if (owned) terminal.close();
    }
}
