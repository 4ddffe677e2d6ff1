package dev.tillsync.server.catalog;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tillsync.core.json.Json;
import dev.tillsync.core.master.CustomerData;
import dev.tillsync.core.master.ItemData;
import dev.tillsync.core.master.ShiftTypeData;
import dev.tillsync.core.master.StockLevel;
import dev.tillsync.core.sync.Entities;
import dev.tillsync.server.db.ChangeFeed;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.generic.GenericType;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Master data (profiles, items, stock, shift types, customers). Invariant: every write here also
 * writes the record's new state to the pull feed in the same transaction.
 */
public final class Catalog {
    private static final RowMapper<ProfileRecord> PROFILE = ConstructorMapper.of(ProfileRecord.class);
    private static final GenericType<List<String>> PAYMENT_MODES = new GenericType<>() {};

    private final ChangeFeed feed;
    private final ObjectMapper json = Json.mapper();

    public Catalog(ChangeFeed feed) {
        this.feed = feed;
    }

    // ---- profiles

    public record ProfileSpec(String name, String warehouse, String priceList, List<String> paymentModes,
                              String taxTemplate, String receiptHeader, String receiptFooter) {}

    /** Creates the profile, or returns it unchanged when one with that name exists. */
    public ProfileRecord ensureProfile(Handle h, ProfileSpec p) {
        Optional<ProfileRecord> existing = profileByName(h, p.name());
        if (existing.isPresent()) return existing.get();
        feed.lock(h);
        long id = h.createUpdate("""
                insert into pos_profile (name, warehouse, price_list, payment_modes, tax_template, receipt_header, receipt_footer)
                values (:name, :warehouse, :priceList, :modes, :taxTemplate, :receiptHeader, :receiptFooter)
                """)
                .bindMethods(p).bind("modes", write(p.paymentModes()))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        ProfileRecord r = profileById(h, id);
        feed.put(h, Entities.PROFILE, r.name(), r.name(), r.toData());
        return r;
    }

    public Optional<ProfileRecord> profileByName(Handle h, String name) {
        return h.createQuery("select * from pos_profile where name = :n").bind("n", name)
                .registerColumnMapper(PAYMENT_MODES, this::paymentModes).map(PROFILE).findOne();
    }

    public ProfileRecord profileById(Handle h, long id) {
        return h.createQuery("select * from pos_profile where id = :id").bind("id", id)
                .registerColumnMapper(PAYMENT_MODES, this::paymentModes).map(PROFILE).one();
    }

    /** payment_modes is a JSON array of mode names. */
    private List<String> paymentModes(ResultSet rs, int column, StatementContext ctx) throws SQLException {
        return read(rs.getString(column), new TypeReference<List<String>>() {});
    }

    // ---- items and stock

    /** Inserts or replaces an item and its barcodes. */
    public void upsertItem(Handle h, ItemData item) {
        feed.lock(h);
        h.createUpdate("""
                insert into item (code, name, price_minor, tax_rate_bp, active) values (:code, :name, :priceMinor, :taxRateBp, :active)
                on conflict (code) do update set name = excluded.name, price_minor = excluded.price_minor,
                    tax_rate_bp = excluded.tax_rate_bp, active = excluded.active
                """)
                .bindMethods(item).execute();
        h.createUpdate("delete from item_barcode where item_code = :code").bind("code", item.code()).execute();
        for (String b : item.barcodes()) {
            h.createUpdate("insert into item_barcode (barcode, item_code) values (:b, :code)")
                    .bind("b", b).bind("code", item.code()).execute();
        }
        feed.put(h, Entities.ITEM, "", item.code(), item);
    }

    public boolean itemExists(Handle h, String code) {
        return h.createQuery("select exists (select 1 from item where code = :c)").bind("c", code).mapTo(Boolean.class).one();
    }

    /** Items by code, for the codes that exist. */
    public Map<String, ItemData> items(Handle h, List<String> codes) {
        if (codes.isEmpty()) return Map.of();
        // = any(array), not an IN list: one statement text whatever the number of codes, so PostgreSQL keeps it
        // prepared (an IN list of N values is parsed and planned afresh for every N, a few ms per ingest batch).
        List<ItemData> rows = h.createQuery("""
                        select i.code, i.name, i.price_minor, i.tax_rate_bp, i.active,
                               coalesce((select string_agg(barcode, ',' order by barcode) from item_barcode b where b.item_code = i.code), '') as barcodes
                        from item i where i.code = any(:codes)
                        """)
                .bindArray("codes", String.class, codes)
                .map((rs, c) -> new ItemData(rs.getString("code"), rs.getString("name"),
                        rs.getString("barcodes").isEmpty() ? List.of() : List.of(rs.getString("barcodes").split(",")),
                        rs.getLong("price_minor"), rs.getInt("tax_rate_bp"), rs.getBoolean("active")))
                .list();
        return rows.stream().collect(Collectors.toMap(ItemData::code, Function.identity()));
    }

    /** Sets the stock level (a count); publishes it (so a level a push left unpublished is published now). */
    public void setStock(Handle h, String warehouse, String itemCode, long qty) {
        feed.lock(h);
        h.createUpdate("""
                insert into stock (warehouse, item_code, qty) values (:w, :i, :q)
                on conflict (warehouse, item_code) do update set qty = excluded.qty, unpublished = false
                """).bind("w", warehouse).bind("i", itemCode).bind("q", qty).execute();
        feed.put(h, Entities.STOCK, warehouse, itemCode, new StockLevel(itemCode, warehouse, qty));
    }

    // ---- shift types

    public void ensureShiftType(Handle h, ShiftTypeData t) {
        feed.lock(h);
        int n = h.createUpdate("insert into shift_type (name, start_time, end_time) values (:name, :startTime, :endTime) on conflict (name) do nothing")
                .bindMethods(t).execute();
        if (n > 0) feed.put(h, Entities.SHIFT_TYPE, "", t.name(), t);
    }

    public boolean shiftTypeExists(Handle h, String name) {
        return h.createQuery("select exists (select 1 from shift_type where name = :n)").bind("n", name).mapTo(Boolean.class).one();
    }

    // ---- customers

    /**
     * Inserts a customer without publishing it; the caller publishes it to the pull feed in the same
     * transaction (batch ingest does so once, at the end of the batch). False when the number exists.
     */
    public boolean insertCustomerUnpublished(Handle h, CustomerData c, Long deviceId) {
        return h.createUpdate("""
                insert into customer (number, name, phone, email, created_by_device) values (:n, :name, :phone, :email, :dev)
                on conflict (number) do nothing
                """)
                .bind("n", c.number()).bind("name", c.name()).bind("phone", c.phone()).bind("email", c.email())
                .bind("dev", deviceId).execute() > 0;
    }

    public boolean customerExists(Handle h, String number) {
        return h.createQuery("select exists (select 1 from customer where number = :n)").bind("n", number).mapTo(Boolean.class).one();
    }

    /** Numbers of other customers with the same phone (digits compared), for duplicate flags. */
    public List<String> customersWithPhone(Handle h, String phone) {
        if (phone == null || phone.replaceAll("\\D", "").isEmpty()) return new ArrayList<>();
        return h.createQuery("select number from customer where regexp_replace(coalesce(phone, ''), '\\D', '', 'g') = :p order by number")
                .bind("p", phone.replaceAll("\\D", "")).mapTo(String.class).list();
    }

    private String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String s, TypeReference<T> t) {
        try {
            return json.readValue(s, t);
        } catch (Exception e) {
            throw new IllegalStateException("unreadable JSON column: " + s, e);
        }
    }
}
