package dev.tillsync.server.console;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tillsync.server.master.AuditLog;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One line of an item's history as a manager reads it: who, when, what they did, and each changed field as
 * "old → new". Version and stock are left out: the version is bookkeeping and stock changes only through movements.
 */
record ItemHistoryRow(String when, String who, String action, List<String> changes) {
    private static final String[][] FIELDS = {
            {"name", "Name"}, {"category", "Category"}, {"unit", "Unit"}, {"taxCategory", "Tax"}, {"active", "Active"},
            {"barcodes", "Barcodes"}, {"prices", "Prices"}};

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** {@code zone}: the shop's time zone, in which every console time is shown. */
    static ItemHistoryRow of(AuditLog.Entry e, ZoneId zone) {
        List<String> changes = new ArrayList<>();
        for (String[] f : FIELDS) {
            String after = text(e.after() == null ? null : e.after().get(f[0]));
            if (e.before() == null) {
                if (!after.equals("—")) changes.add(f[1] + ": " + after);
                continue;
            }
            String before = text(e.before().get(f[0]));
            if (!Objects.equals(before, after)) changes.add(f[1] + ": " + before + " → " + after);
        }
        return new ItemHistoryRow(WHEN.format(e.at().atZone(zone)) + " " + zone.getId(), e.actor(), label(e.action()), changes);
    }

    private static String label(String action) {
        return switch (action) {
            case "create" -> "Created";
            case "update" -> "Changed";
            case "disable" -> "Disabled";
            default -> action;
        };
    }

    /** A field's value as text: prices as "List 1.50", lists joined, yes/no for flags, "—" for none. */
    static String text(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) return "—";
        if (v.isBoolean()) return v.asBoolean() ? "yes" : "no";
        if (v.isArray()) {
            List<String> parts = new ArrayList<>();
            for (JsonNode x : v) parts.add(x.isObject() ? x.path("priceList").asText() + " " + x.path("price").asText() : x.asText());
            return parts.isEmpty() ? "—" : String.join(", ", parts);
        }
        return v.asText();
    }
}
