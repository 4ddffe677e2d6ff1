package dev.tillsync.terminal;

import dev.tillsync.terminal.customer.CustomerBook;
import dev.tillsync.terminal.export.Exporter;
import dev.tillsync.terminal.history.EventLogBook;
import dev.tillsync.terminal.history.SalesHistory;
import dev.tillsync.terminal.history.StatusReport;
import dev.tillsync.terminal.outbox.Retries;
import dev.tillsync.terminal.receipt.Receipts;
import dev.tillsync.terminal.sale.CartQuotes;
import dev.tillsync.terminal.sale.ParkedSales;
import dev.tillsync.terminal.sale.SaleRecorder;
import dev.tillsync.terminal.shift.ShiftBook;
import dev.tillsync.terminal.store.DeviceRepo;
import dev.tillsync.terminal.store.TerminalStore;
import dev.tillsync.terminal.sync.ConnectivityMonitor;
import dev.tillsync.terminal.sync.Linker;
import dev.tillsync.terminal.sync.ServerClients;
import dev.tillsync.terminal.sync.SyncEngine;
import dev.tillsync.terminal.sync.SyncScheduler;
import dev.tillsync.terminal.user.TillUsers;
import java.time.Clock;

/**
 * The engine's parts over one store, wired once for {@link PosTerminal} (which only guards and calls them): every
 * part shares the store, the clock and the one listener list, so the facade never builds anything itself.
 */
record TerminalParts(TerminalStore store, Clock clock, TerminalListeners listeners, DeviceRepo devices, ServerClients clients,
                     TillUsers users, ShiftBook shifts, CustomerBook customers, SaleRecorder sales, SalesHistory history,
                     Receipts receipts, StatusReport statusReport, EventLogBook eventLog, Exporter exporter, Retries retries,
                     ConnectivityMonitor monitor, Linker linker, SyncScheduler scheduler, CartQuotes quotes, ParkedSales parked) {

    static TerminalParts wire(TerminalStore store, TerminalOptions options) {
        Clock clock = options.clock();
        TerminalListeners listeners = new TerminalListeners();
        DeviceRepo devices = new DeviceRepo(store);
        ServerClients clients = new ServerClients(devices, options);
        SalesHistory history = new SalesHistory(store);
        ConnectivityMonitor monitor = new ConnectivityMonitor(store, clock, clients::forProbe, listeners::publish,
                options.onlineProbeInterval(), options.maxBackoff(), options.onlineWindow());
        SyncEngine engine = new SyncEngine(store, clock, clients::forDevice, listeners::publish, monitor);
        return new TerminalParts(store, clock, listeners, devices, clients, new TillUsers(store, clock), new ShiftBook(store, clock),
                new CustomerBook(store, clock), new SaleRecorder(store, clock), history, new Receipts(store, clock, devices, history),
                new StatusReport(store), new EventLogBook(store, clock), new Exporter(store, clock), new Retries(store, clock), monitor,
                new Linker(store, clock, devices, clients, monitor, engine),
                new SyncScheduler(store, devices, engine, monitor, options.autoSyncInterval()), new CartQuotes(store),
                new ParkedSales(store, clock));
    }
}
