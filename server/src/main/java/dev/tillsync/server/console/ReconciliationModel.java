package dev.tillsync.server.console;

import dev.tillsync.server.report.Reconciliation;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * Reconciliation of one device for one local day of the shop in {@code zone} ({@code day} null: all days). {@code posId} is null when there is
 * no device yet; {@code chart} is null for all days.
 */
record ReconciliationModel(Frame frame, boolean canEdit, List<String> posIds, String posId, LocalDate day, boolean reviewed,
                           Reconciliation.DeviceLine device, SalesChart chart, List<ConsoleQueries.DaySales> days,
                           List<Reconciliation.Flag> flags, ZoneId zone) {

    static ReconciliationModel noDevices(Frame frame, ZoneId zone) {
        return new ReconciliationModel(frame, false, List.of(), null, null, false, null, null, List.of(), List.of(), zone);
    }

    /** Quantities in whole units for a unit item, else exactly (2.250 kg). */
    static String qty(Reconciliation.StockImpact si) {
        if (si.unit() == null || "unit".equals(si.unit())) return String.valueOf(si.qty());
        return java.math.BigDecimal.valueOf(si.qtyMilli(), 3).toPlainString() + " " + si.unit();
    }

    String posIdUrl() {
        return Format.url(posId);
    }

    String dayText() {
        return day == null ? "all days" : day.toString();
    }

    /** The query string "Mark reviewed" comes back to (the same device and day). */
    String back() {
        return "posId=" + Format.url(posId) + "&day=" + (day == null ? "all" : day);
    }

    /** A shift's takings per payment mode, e.g. "Cash 12.00, Card 3.50", or "—" when it took nothing. */
    static String modes(Map<String, Long> byMode) {
        List<String> parts = byMode.entrySet().stream().map(e -> e.getKey() + " " + Format.money(e.getValue())).toList();
        return parts.isEmpty() ? "—" : String.join(", ", parts);
    }
}
