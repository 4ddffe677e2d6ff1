package dev.tillsync.terminal.sale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tillsync.core.json.Json;
import dev.tillsync.core.pricing.Discount;
import dev.tillsync.terminal.ParkedSale;
import dev.tillsync.terminal.SaleItem;
import dev.tillsync.terminal.TerminalException;
import dev.tillsync.terminal.UserSession;
import dev.tillsync.terminal.store.EventLog;
import dev.tillsync.terminal.store.TerminalStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Carts put aside and taken back (park / resume), several at once, and voided lines and sales. Invariant: a parked
 * cart is stored as entered (items, customer, discounts; nothing priced, so it is priced again at resume with the
 * prices then in force) and resume hands it back and deletes it in one transaction, so a cart is resumed once; each
 * park, resume and void is in the event log with who did it.
 */
public final class ParkedSales {
    private static final ObjectMapper JSON = Json.mapper();
    private static final TypeReference<List<SaleItem>> ITEMS = new TypeReference<>() {};

    private final TerminalStore store;
    private final Clock clock;

    public ParkedSales(TerminalStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public ParkedSale park(UserSession by, List<SaleItem> items, String customerNumber, Discount saleDiscount, String label) {
        if (items == null || items.isEmpty()) throw new TerminalException("no_items", "Nothing to park: the cart has no items (--item CODE[:QTY]).");
        Instant now = clock.instant();
        String customer = SaleRecorder.blankToNull(customerNumber);
        String name = SaleRecorder.blankToNull(label);
        return store.inTx(h -> {
            long id = h.createUpdate("""
                    insert into parked_sale (label, parked_by, parked_at, customer_number, sale_discount_json, items_json)
                    values (:label, :by, :at, :customer, :discount, :items)
                    """).bind("label", name).bind("by", by.email()).bind("at", now.toString()).bind("customer", customer)
                    .bind("discount", InvoiceWriter.json(saleDiscount)).bind("items", write(items))
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            EventLog.append(h, now, "park", String.valueOf(id), by.email() + " parked " + items.size() + " item(s)"
                    + (name == null ? "" : " as '" + name + "'"));
            return new ParkedSale(id, name, by.email(), now, customer, saleDiscount, items);
        });
    }

    /** Every parked cart, oldest first. */
    public List<ParkedSale> list() {
        return store.read(h -> h.createQuery("select * from parked_sale order by id").map((rs, ctx) -> map(rs)).list());
    }

    /** The parked cart {@code id}, deleted from the parked ones in the same transaction. */
    public ParkedSale resume(UserSession by, long id) {
        Instant now = clock.instant();
        return store.inTx(h -> {
            ParkedSale p = h.createQuery("select * from parked_sale where id = :id").bind("id", id).map((rs, ctx) -> map(rs)).findOne()
                    .orElseThrow(() -> new TerminalException("unknown_parked_sale", "No parked sale " + id
                            + " on this till (it may have been resumed already). List them with: terminal parked"));
            h.createUpdate("delete from parked_sale where id = :id").bind("id", id).execute();
            EventLog.append(h, now, "resume", String.valueOf(id), by.email() + " resumed the sale parked by " + p.parkedBy());
            return p;
        });
    }

    /** A line taken off the open cart, with the reason. */
    public void voidLine(UserSession by, SaleItem line, String reason) {
        String why = requireReason(reason, "a voided line");
        if (line == null) throw new TerminalException("no_items", "Name the line to void.");
        Instant now = clock.instant();
        store.useTx(h -> EventLog.append(h, now, "void_line", line.codeOrBarcode(), "cashier=" + by.email() + " item=" + line.codeOrBarcode()
                + (line.qtyMilli() == null ? "" : " qty=" + dev.tillsync.core.master.Unit.format(line.qtyMilli())) + " reason=" + why));
    }

    /** The whole open cart abandoned, with the reason. */
    public void voidSale(UserSession by, String reason, List<SaleItem> items) {
        String why = requireReason(reason, "a voided sale");
        Instant now = clock.instant();
        List<SaleItem> lines = items == null ? List.of() : items;
        store.useTx(h -> EventLog.append(h, now, "void_sale", null, "cashier=" + by.email() + " items="
                + String.join(",", lines.stream().map(SaleItem::codeOrBarcode).toList()) + " reason=" + why));
    }

    private static String requireReason(String reason, String what) {
        if (reason == null || reason.isBlank()) {
            throw new TerminalException("no_reason", "Give a reason for " + what + " (--reason TEXT): it goes into the event log.");
        }
        return reason.trim();
    }

    private static String write(List<SaleItem> items) {
        try {
            return JSON.writeValueAsString(items);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ParkedSale map(java.sql.ResultSet rs) throws java.sql.SQLException {
        try {
            return new ParkedSale(rs.getLong("id"), rs.getString("label"), rs.getString("parked_by"), Instant.parse(rs.getString("parked_at")),
                    rs.getString("customer_number"), InvoiceWriter.discount(rs.getString("sale_discount_json")),
                    JSON.readValue(rs.getString("items_json"), ITEMS));
        } catch (JsonProcessingException e) {
            throw new TerminalException("store_corrupt", "Parked sale " + rs.getLong("id") + " is unreadable: " + e.getOriginalMessage(), e);
        }
    }

}
