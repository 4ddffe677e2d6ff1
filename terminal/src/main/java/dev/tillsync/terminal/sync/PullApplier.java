package dev.tillsync.terminal.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tillsync.core.master.CategoryData;
import dev.tillsync.core.master.CustomerData;
import dev.tillsync.core.master.DeviceConfig;
import dev.tillsync.core.master.DeviceUserData;
import dev.tillsync.core.master.ItemData;
import dev.tillsync.core.master.ProfileData;
import dev.tillsync.core.master.ShiftTypeData;
import dev.tillsync.core.master.ShiftUserData;
import dev.tillsync.core.master.StockLevel;
import dev.tillsync.core.returns.ReturnableInvoice;
import dev.tillsync.core.sync.Change;
import dev.tillsync.core.sync.ConnectionStatus;
import dev.tillsync.core.sync.Entities;
import dev.tillsync.core.sync.PullPage;
import dev.tillsync.terminal.TerminalException;
import dev.tillsync.terminal.customer.CustomerBook;
import dev.tillsync.terminal.returns.StoreInvoices;
import dev.tillsync.terminal.sale.SaleRecorder;
import dev.tillsync.terminal.store.DeviceRepo;
import dev.tillsync.terminal.store.DeviceState;
import dev.tillsync.terminal.store.SyncStateRepo;
import dev.tillsync.terminal.user.TillUsers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Applies one pull page to the store. Invariant 5: the page's changes and its cursor are written in
 * the caller's single transaction, so a crash leaves either the whole page (and its cursor) or none.
 * A stock level never undoes an offline sale: lines stay "stock pending" (subtracted from the server's
 * number) until a stock level pulled after their row was synced includes them.
 */
public final class PullApplier {
    /**
     * Pull records are read leniently: a newer server may add fields to a record this till does not know yet, and
     * the till keeps selling with the fields it does know (the page itself and every push stay strict).
     */
    private final ObjectMapper json = lenient();
    /** The profile is stored as this till's own JSON and read back strictly (ProfileRepo). */
    private final ObjectMapper store = dev.tillsync.core.json.Json.mapper();

    static ObjectMapper lenient() {
        return dev.tillsync.core.json.Json.mapper().copy()
                .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** What applying a pull page changed that the engine must react to (the server's ingest has its own kind of result). */
    public record AppliedPage(int changes, Optional<ConnectionStatus> newConnectionStatus) {}

    /**
     * @param pullStartedAt when the pull began: rows synced before it are counted in the server's stock levels
     */
    public AppliedPage apply(Handle h, PullPage page, Instant pullStartedAt) {
        return apply(h, page, pullStartedAt, pullStartedAt);
    }

    /** @param appliedAt when the page is applied (the till's clock): the prices are the server's as of then */
    public AppliedPage apply(Handle h, PullPage page, Instant pullStartedAt, Instant appliedAt) {
        Optional<ConnectionStatus> status = Optional.empty();
        List<String> stockLevels = new ArrayList<>();
        OwnList own = new OwnList();
        for (Change c : page.changes()) {
            if (Entities.PROFILE.equals(c.entity())) own.known = false; // the profile's list may change with it
            Optional<ConnectionStatus> s = applyOne(h, c, stockLevels, own, appliedAt);
            if (s.isPresent()) status = s;
        }
        SaleRecorder.settlePendingStock(h, stockLevels, pullStartedAt);
        if (page.changes().stream().anyMatch(c -> Entities.STORE_INVOICE.equals(c.entity()))) StoreInvoices.prune(h, appliedAt);
        SyncStateRepo.setCursor(h, page.nextCursor());
        SyncStateRepo.setPricesAsOf(h, appliedAt);
        return new AppliedPage(page.changes().size(), status);
    }

    /** The profile's price list, read once per page (and again after a profile change in it). */
    private static final class OwnList {
        boolean known;
        String name;

        String get(Handle h) {
            if (!known) {
                name = DeviceRepo.load(h).flatMap(d -> dev.tillsync.terminal.store.ProfileRepo.current(h, d)).map(ProfileData::priceList).orElse(null);
                known = true;
            }
            return name;
        }
    }

    private Optional<ConnectionStatus> applyOne(Handle h, Change c, List<String> stockLevels, OwnList own, Instant appliedAt) {
        if (c.entity() == null || c.key() == null) {
            throw new TerminalException("bad_pull", "The server sent a change without entity or key; the page was not applied.");
        }
        switch (c.entity()) {
            case Entities.ITEM -> applyItem(h, c, own);
            case Entities.STOCK -> applyStock(h, c, stockLevels);
            case Entities.CUSTOMER -> applyCustomer(h, c);
            case Entities.DEVICE_USER -> applyDeviceUser(h, c);
            case Entities.SHIFT_USER -> applyShiftUser(h, c);
            case Entities.SHIFT_TYPE -> applyShiftType(h, c);
            case Entities.PROFILE -> applyProfile(h, c);
            case Entities.CATEGORY -> applyCategory(h, c);
            case Entities.STORE_INVOICE -> {
                if (c.deleted()) StoreInvoices.remove(h, c.key());
                else StoreInvoices.put(h, read(c, ReturnableInvoice.class), appliedAt);
            }
            case Entities.DEVICE -> {
                return applyDevice(h, c);
            }
            default -> {
                // A newer server may send entities this terminal does not know; skipping them keeps it working.
            }
        }
        return Optional.empty();
    }

    private void applyItem(Handle h, Change c, OwnList own) {
        if (c.deleted()) {
            h.createUpdate("update item set active = 0 where code = :code").bind("code", c.key()).execute();
            return;
        }
        ItemData i = read(c, ItemData.class);
        if (i.priceList() != null && own.get(h) != null && !own.get(h).equals(i.priceList())) {
            // A price of another list (a customer's): kept apart so the profile's price in item stays what a walk-in pays.
            h.createUpdate("""
                    insert into item_price (price_list, item_code, price_minor, prices_include_tax)
                    values (:priceList, :code, :priceMinor, :pricesIncludeTax)
                    on conflict (price_list, item_code) do update set price_minor = excluded.price_minor,
                        prices_include_tax = excluded.prices_include_tax
                    """).bindMethods(i).execute();
            return;
        }
        h.createUpdate("""
                insert into item (code, name, price_minor, tax_rate_bp, active, unit, category, tax_category, price_list, prices_include_tax)
                values (:code, :name, :priceMinor, :taxRateBp, :active, :unit, :category, :taxCategory, :priceList, :pricesIncludeTax)
                on conflict (code) do update set name = excluded.name, price_minor = excluded.price_minor,
                    tax_rate_bp = excluded.tax_rate_bp, active = excluded.active, unit = excluded.unit,
                    category = excluded.category, tax_category = excluded.tax_category, price_list = excluded.price_list,
                    prices_include_tax = excluded.prices_include_tax
                """)
                .bindMethods(i).execute();
        h.createUpdate("delete from item_barcode where item_code = :code").bind("code", i.code()).execute();
        for (String b : i.barcodes()) {
            h.createUpdate("insert into item_barcode (barcode, item_code) values (:b, :code) on conflict (barcode) do update set item_code = excluded.item_code")
                    .bind("b", b).bind("code", i.code()).execute();
        }
    }

    private void applyStock(Handle h, Change c, List<String> stockLevels) {
        if (c.deleted()) {
            h.createUpdate("delete from server_stock where item_code = :code").bind("code", c.key()).execute();
            return;
        }
        StockLevel s = read(c, StockLevel.class);
        h.createUpdate("""
                insert into server_stock (item_code, warehouse, qty, qty_milli) values (:itemCode, :warehouse, :qty, :milli)
                on conflict (item_code) do update set warehouse = excluded.warehouse, qty = excluded.qty, qty_milli = excluded.qty_milli
                """).bindMethods(s).bind("milli", s.milli()).execute();
        stockLevels.add(s.itemCode());
    }

    private void applyCustomer(Handle h, Change c) {
        if (c.deleted()) {
            // Sales may reference the customer; keep the row but it no longer comes from the server.
            return;
        }
        CustomerBook.savePulled(h, read(c, CustomerData.class));
    }

    private void applyDeviceUser(Handle h, Change c) {
        if (c.deleted()) {
            h.createUpdate("delete from device_user where email = :e").bind("e", c.key()).execute();
            TillUsers.endSessionOf(h, c.key());
            return;
        }
        DeviceUserData u = read(c, DeviceUserData.class);
        h.createUpdate("""
                insert into device_user (email, first_name, last_name, pin_hash, can_configure_pos, can_export_log, can_reprint)
                values (:email, :firstName, :lastName, :pinHash, :canConfigurePos, :canExportLog, :canReprint)
                on conflict (email) do update set first_name = excluded.first_name, last_name = excluded.last_name,
                    pin_hash = excluded.pin_hash, can_configure_pos = excluded.can_configure_pos,
                    can_export_log = excluded.can_export_log, can_reprint = excluded.can_reprint
                """).bindMethods(u).execute();
    }

    private void applyShiftUser(Handle h, Change c) {
        if (c.deleted()) {
            int slash = c.key().indexOf('/');
            if (slash > 0) {
                h.createUpdate("delete from shift_user where email = :e and shift_type = :t")
                        .bind("e", c.key().substring(0, slash)).bind("t", c.key().substring(slash + 1)).execute();
            }
            return;
        }
        ShiftUserData u = read(c, ShiftUserData.class);
        h.createUpdate("insert into shift_user (email, shift_type) values (:email, :shiftType) on conflict do nothing")
                .bindMethods(u).execute();
    }

    private void applyShiftType(Handle h, Change c) {
        if (c.deleted()) {
            h.createUpdate("delete from shift_type where name = :n").bind("n", c.key()).execute();
            return;
        }
        ShiftTypeData t = read(c, ShiftTypeData.class);
        h.createUpdate("""
                insert into shift_type (name, start_time, end_time) values (:name, :startTime, :endTime)
                on conflict (name) do update set start_time = excluded.start_time, end_time = excluded.end_time
                """).bindMethods(t).execute();
    }

    private void applyProfile(Handle h, Change c) {
        if (c.deleted()) {
            h.createUpdate("delete from profile where name = :n").bind("n", c.key()).execute();
            return;
        }
        ProfileData p = read(c, ProfileData.class);
        h.createUpdate("insert into profile (name, data_json) values (:n, :d) on conflict (name) do update set data_json = excluded.data_json")
                .bind("n", p.name()).bind("d", write(p)).execute();
    }

    private void applyCategory(Handle h, Change c) {
        if (c.deleted()) {
            // Items may still name it; a category the server dropped is only no longer offered.
            h.createUpdate("update category set active = 0 where name = :n").bind("n", c.key()).execute();
            return;
        }
        CategoryData k = read(c, CategoryData.class);
        h.createUpdate("""
                insert into category (name, parent, position, active) values (:name, :parent, :position, :active)
                on conflict (name) do update set parent = excluded.parent, position = excluded.position, active = excluded.active
                """).bindMethods(k).execute();
    }

    private Optional<ConnectionStatus> applyDevice(Handle h, Change c) {
        if (c.deleted()) return Optional.empty();
        DeviceConfig cfg = read(c, DeviceConfig.class);
        Optional<DeviceState> current = DeviceRepo.load(h);
        if (current.isEmpty() || !current.get().posId().equals(cfg.posId())) {
            return Optional.empty();
        }
        DeviceRepo.updateConfig(h, cfg);
        ConnectionStatus now = current.get().connectionStatus();
        ConnectionStatus told = cfg.connectionStatus();
        // The terminal finishes an unlink itself (drain, then confirm): it never goes back from that state on a pull.
        if (told != null && told != now && now != ConnectionStatus.UNLINKED) {
            DeviceRepo.setConnectionStatus(h, told);
            return Optional.of(told);
        }
        return Optional.empty();
    }

    private <T> T read(Change c, Class<T> type) {
        JsonNode data = c.data();
        if (data == null || data.isNull()) {
            throw new TerminalException("bad_pull", "The server sent " + c.entity() + " '" + c.key() + "' without data; the page was not applied.");
        }
        try {
            return json.treeToValue(data, type);
        } catch (JsonProcessingException e) {
            throw new TerminalException("bad_pull", "The server sent an unreadable " + c.entity() + " '" + c.key() + "' ("
                    + e.getOriginalMessage() + "); the page was not applied.", e);
        }
    }

    private String write(Object o) {
        try {
            return store.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
