package dev.tillsync.server;

import dev.tillsync.server.auth.TokenService;
import dev.tillsync.server.auth.BackOfficeUsers;
import dev.tillsync.server.catalog.Catalog;
import dev.tillsync.server.db.ChangeFeed;
import dev.tillsync.server.db.StockPublisher;
import dev.tillsync.server.device.DeviceAuth;
import dev.tillsync.server.device.DeviceRegistry;
import dev.tillsync.server.device.LinkService;
import dev.tillsync.server.ingest.ImportService;
import dev.tillsync.server.ingest.PostedTimeCheck;
import dev.tillsync.server.ingest.PushService;
import dev.tillsync.server.ingest.BatchIngestor;
import dev.tillsync.server.pull.PullFeed;
import dev.tillsync.server.report.Reconciliation;
import dev.tillsync.server.report.SyncStatusReport;
import java.time.Clock;
import dev.tillsync.server.master.AuditLog;
import dev.tillsync.server.master.ShopSettings;
import dev.tillsync.server.master.customers.CustomerService;
import dev.tillsync.server.master.paymentmodes.PaymentModeService;
import dev.tillsync.server.master.profiles.ProfileService;
import dev.tillsync.server.master.shifttypes.ShiftTypeService;
import dev.tillsync.server.master.staff.StaffService;
import dev.tillsync.server.catalog.ItemFeed;
import dev.tillsync.server.master.items.ItemDirectory;
import dev.tillsync.server.master.items.ItemEditor;
import dev.tillsync.server.master.items.CatalogLists;
import dev.tillsync.server.stock.StockLevels;
import dev.tillsync.server.stock.StockMovements;
import dev.tillsync.server.stock.Warehouses;
import org.jdbi.v3.core.Jdbi;

/** The server's services over one database; all state lives in PostgreSQL, so instances are interchangeable. */
public record Services(Jdbi jdbi, ChangeFeed feed, Catalog catalog, BackOfficeUsers users, TokenService tokens,
                       DeviceRegistry devices, LinkService links, DeviceAuth deviceAuth, PushService push, PullFeed pull,
                       ImportService imports, SyncStatusReport syncStatus, Reconciliation reconciliation,
                       AuditLog audit, ShopSettings settings,
                       ProfileService profiles, PaymentModeService paymentModes, ShiftTypeService shiftTypes,
                       CustomerService customers, StaffService staff,
                       ItemDirectory items, ItemEditor itemEditor, CatalogLists catalogLists,
                       StockLevels stock, StockMovements stockMovements, Warehouses warehouses) {

    public static Services over(Jdbi jdbi) {
        return over(jdbi, PostedTimeCheck.Tolerances.DEFAULTS);
    }

    /** {@code postedTimes}: when ingest flags an invoice's posted time for review (see {@link PostedTimeCheck}). */
    public static Services over(Jdbi jdbi, PostedTimeCheck.Tolerances postedTimes) {
        ChangeFeed feed = new ChangeFeed();
        Catalog catalog = new Catalog(feed);
        BackOfficeUsers users = new BackOfficeUsers(jdbi);
        DeviceRegistry devices = new DeviceRegistry(jdbi, catalog, feed);
        AuditLog audit = new AuditLog();
        ItemDirectory items = new ItemDirectory(jdbi);
        PushService push = new PushService(devices, new BatchIngestor(jdbi, catalog, feed, new PostedTimeCheck(postedTimes, Clock.systemUTC())));
        return new Services(jdbi, feed, catalog, users, new TokenService(jdbi), devices, new LinkService(jdbi, devices, feed),
                new DeviceAuth(devices), push, new PullFeed(jdbi, new StockPublisher(jdbi, feed), feed), new ImportService(jdbi, devices, push),
                new SyncStatusReport(jdbi, devices), new Reconciliation(jdbi, devices),
                audit, new ShopSettings(jdbi),
                new ProfileService(jdbi, catalog, feed, devices, audit), new PaymentModeService(jdbi, catalog, feed, devices, audit),
                new ShiftTypeService(jdbi, feed, audit), new CustomerService(jdbi, catalog, feed, audit), new StaffService(jdbi, feed, devices, audit),
                items, new ItemEditor(jdbi, items, audit, new ItemFeed(feed)),
                new CatalogLists(jdbi, audit, feed, new ItemFeed(feed)),
                new StockLevels(jdbi, new ShopSettings(jdbi)), new StockMovements(jdbi, feed, audit), new Warehouses(jdbi, audit));
    }
}
