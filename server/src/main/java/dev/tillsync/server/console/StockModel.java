package dev.tillsync.server.console;

import dev.tillsync.server.master.Page;
import dev.tillsync.server.stock.StockLevels;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * The stock page: levels (filtered by warehouse and item search, paged), the newest movements (all of one item when
 * {@code item} is set: its history), and the receive,
 * adjust and transfer forms. {@code draftForm}/{@code draft} hold what the user typed into a refused form, so it is
 * shown again as typed; {@code movementId} names each form's request, so a double submit posts once.
 */
record StockModel(Frame frame, String notice, String error, List<String> warehouses, String warehouse, String q, String item,
                  Page<StockLevels.Level> levels, Page<StockLevels.Entry> movements, ZoneId zone, boolean canWrite,
                  String draftForm, Map<String, String> draft, String movementId, String defaultWarehouse) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** What the user typed into {@code field} of {@code form} when it was refused; else {@code fallback}. */
    String v(String form, String field, String fallback) {
        if (form.equals(draftForm) && draft.containsKey(field)) return draft.get(field);
        return fallback == null ? "" : fallback;
    }

    String v(String form, String field) {
        return v(form, field, "");
    }

    boolean checked(String form, String field) {
        return form.equals(draftForm) && draft.containsKey(field);
    }

    /** The warehouse a form starts with: the typed one, else the filtered one, else the one the tills sell from. */
    String warehouseFor(String form, String field) {
        return v(form, field, from());
    }

    private String from() {
        if (warehouse != null && !warehouse.isBlank()) return warehouse;
        return defaultWarehouse != null ? defaultWarehouse : warehouses.isEmpty() ? "" : warehouses.get(0);
    }

    /** A transfer's destination to start with: the first warehouse that is not its source. */
    String otherWarehouse() {
        String f = v("transfer", "warehouse", from());
        return warehouses.stream().filter(w -> !w.equals(f)).findFirst().orElse("");
    }

    String time(Instant t) {
        return TIME.withZone(zone).format(t);
    }

    /** Who made the movement: the signed-in user, or the till that pushed it. */
    static String who(StockLevels.Entry e) {
        if (e.createdBy() != null) return e.createdBy();
        return e.device() != null ? "till " + e.device() : "—";
    }

    /** Reason, supplier and reference in one cell. */
    static String note(StockLevels.Entry e) {
        StringBuilder b = new StringBuilder();
        if (e.reason() != null) b.append(e.reason());
        if (e.supplier() != null) b.append(b.isEmpty() ? "" : "; ").append("from ").append(e.supplier());
        if (e.reference() != null) b.append(b.isEmpty() ? "" : "; ").append("ref ").append(e.reference());
        return b.toString();
    }

    static String dash(String s) {
        return s == null ? "—" : s;
    }

    /** The query string for another page of levels with the same filters. */
    String pageLink(int offset) {
        return "/console/stock?warehouse=" + Format.url(warehouse) + "&q=" + Format.url(q) + "&item=" + Format.url(item) + "&offset=" + offset;
    }

    /** The link to one item's levels and movements, in the warehouse being shown. */
    String itemLink(String code) {
        return "/console/stock?warehouse=" + Format.url(warehouse) + "&item=" + Format.url(code);
    }

    boolean hasPrevious() {
        return levels.offset() > 0;
    }

    boolean hasNext() {
        return levels.offset() + levels.items().size() < levels.total();
    }
}
