package dev.tillsync.desktop.engine;

import dev.tillsync.terminal.Customer;
import dev.tillsync.terminal.ExportResult;
import dev.tillsync.terminal.HistoryEntry;
import dev.tillsync.terminal.HistoryFilter;
import dev.tillsync.terminal.Item;
import dev.tillsync.terminal.NewCustomer;
import dev.tillsync.terminal.SaleReceipt;
import dev.tillsync.terminal.SaleRequest;
import dev.tillsync.terminal.ShiftCloseReport;
import dev.tillsync.terminal.ShiftInfo;
import dev.tillsync.terminal.SyncSummary;
import dev.tillsync.terminal.TerminalListener;
import dev.tillsync.terminal.TerminalStatus;
import dev.tillsync.terminal.UserSession;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Everything the screens ask of the terminal engine. The screens never touch SQL or HTTP: they call this,
 * off the FX thread (see {@link Background}), and the engine decides what is durable and what is synced.
 */
public interface Till extends AutoCloseable {
    List<DeviceUser> users();

    UserSession login(String email, String pin);

    void logout();

    Optional<UserSession> currentUser();

    ShiftInfo openShift(long openingFloatMinor);

    ShiftCloseReport closeShift(long countedCashMinor);

    Optional<ShiftInfo> currentShift();

    Optional<Item> findItem(String codeOrBarcode);

    List<Item> searchItems(String text, int limit);

    List<Customer> searchCustomers(String text, int limit);

    Customer addCustomer(NewCustomer customer);

    List<String> paymentModes();

    SaleReceipt recordSale(SaleRequest sale);

    List<HistoryEntry> history(HistoryFilter filter);

    SaleReceipt reprint(String invoiceNumber);

    /** Puts a failed row back in the queue and syncs. */
    CompletableFuture<SyncSummary> retry(String uuid);

    CompletableFuture<SyncSummary> syncNow();

    /** Writes the signed export of every unsynced transaction into {@code folder}. */
    ExportResult export(Path folder);

    TerminalStatus status();

    TillSettings settings();

    void saveSettings(TillSettings settings);

    /** Prefix of this device's invoice numbers, e.g. POS-0001-; null before linking. */
    String invoiceSeries();

    void addListener(TerminalListener listener);

    /** Starts the connectivity monitor and auto-sync. */
    void startBackground();

    @Override
    void close();
}
