package dev.tillsync.server.report;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tillsync.core.json.Json;
import dev.tillsync.server.device.DeviceRegistry;
import dev.tillsync.server.device.DeviceView;
import dev.tillsync.server.ingest.ReviewReasons;
import dev.tillsync.server.master.ShopSettings;
import dev.tillsync.server.refusal.Refusal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/**
 * Reconciliation of offline sales: per device and per shift, sales and totals per payment mode, expected
 * against counted cash, stock impact per item, and the rows flagged for review. Read-only; one snapshot. A date
 * given as from/to is a local day of the shop (its time zone setting); instants are UTC as on the wire.
 */
public final class Reconciliation {
    private final Jdbi jdbi;
    private final DeviceRegistry devices;
    private final ObjectMapper json = Json.mapper();
    private final ReviewReasons reasons = new ReviewReasons();
    private final ShopSettings settings;

    public Reconciliation(Jdbi jdbi, DeviceRegistry devices) {
        this.jdbi = jdbi;
        this.devices = devices;
        this.settings = new ShopSettings(jdbi);
    }

    public record ShiftLine(String shiftUuid, String user, String shiftType, Instant openedAt, Instant closedAt,
                            long salesCount, long salesTotalMinor, Map<String, Long> byPaymentModeMinor,
                            Long expectedCashMinor, Long countedCashMinor, Long cashDifferenceMinor,
                            Map<String, Long> reportedByPaymentModeMinor, long discountMinor, long roundingMinor) {}

    /** {@code qty} in whole units (rounded toward minus infinity), {@code qtyMilli} exactly, in thousandths of the unit. */
    public record StockImpact(String itemCode, String itemName, String unit, long qty, long qtyMilli) {}

    public record Flag(String uuid, long seq, String kind, String number, List<String> reviewReasons, Instant receivedAt,
                       String reviewedBy, Instant reviewedAt) {}

    public record DeviceLine(String posId, String connectionStatus, Instant lastSync, long salesCount, long returnsCount,
                             long grandTotalMinor, Map<String, Long> byPaymentModeMinor, List<ShiftLine> shifts,
                             List<StockImpact> stockImpact, long rejectedCount, List<Flag> flagged,
                             List<SyncStatusReport.Collision> collisions, long discountMinor, long roundingMinor) {}

    public record Report(Instant from, Instant to, List<DeviceLine> devices) {}

    /** discountMinor: every line and sale discount; roundingMinor: the cash rounding adjustments (V13, 0 on older invoices). */
    private record Totals(long sales, long returns, long grandTotalMinor, long discountMinor, long roundingMinor) {}

    /** A pos_shift row as the close reported it; the sales are counted from the invoices. */
    private record ShiftRow(String shiftUuid, String userEmail, String shiftType, Instant openedAt, Instant closedAt,
                            Long expectedCashMinor, Long countedCashMinor, String totalsByMode) {}

    private record ShiftSales(long count, long totalMinor, long discountMinor, long roundingMinor) {}

    public Report report(String posId, String fromText, String toText) {
        ZoneId zone = settings.timeZone();
        Instant from = parse(fromText, false, zone);
        Instant to = parse(toText, true, zone);
        return jdbi.inTransaction(h -> {
            h.execute("set transaction isolation level repeatable read, read only");
            List<DeviceView> selected = posId == null || posId.isBlank()
                    ? devices.list()
                    : List.of(devices.view(h, devices.require(h, posId).id()));
            List<DeviceLine> lines = new ArrayList<>();
            for (DeviceView d : selected) lines.add(device(h, d, from, to));
            return new Report(from, to, lines);
        });
    }

    private DeviceLine device(Handle h, DeviceView d, Instant from, Instant to) {
        long id = h.createQuery("select id from pos_offline where pos_id = :p").bind("p", d.posId()).mapTo(Long.class).one();
        String range = " and (cast(:from as timestamptz) is null or i.posted_at >= :from) and (cast(:to as timestamptz) is null or i.posted_at < :to)";
        Totals totals = h.createQuery("""
                        select count(*) filter (where return_against is null) as sales, count(*) filter (where return_against is not null) as returns,
                               coalesce(sum(grand_total_minor), 0) as grand_total_minor, coalesce(sum(discount_minor), 0) as discount_minor,
                               coalesce(sum(rounding_minor), 0) as rounding_minor from sales_invoice i where device_id = :d""" + range)
                .bind("d", id).bind("from", from).bind("to", to)
                .map(ConstructorMapper.of(Totals.class)).one();
        Map<String, Long> byMode = byMode(h, "i.device_id = :d" + range, Map.of("d", id), from, to);
        List<ShiftRow> shiftRows = h.createQuery("""
                        select * from pos_shift where device_id = :d
                        and (cast(:from as timestamptz) is null or coalesce(opened_at, closed_at) >= :from)
                        and (cast(:to as timestamptz) is null or coalesce(opened_at, closed_at) < :to)
                        order by coalesce(opened_at, closed_at), shift_uuid
                        """).bind("d", id).bind("from", from).bind("to", to)
                .map(ConstructorMapper.of(ShiftRow.class)).list();
        List<ShiftLine> shifts = new ArrayList<>();
        for (ShiftRow s : shiftRows) {
            ShiftSales sales = h.createQuery("""
                            select count(*) as count, coalesce(sum(grand_total_minor), 0) as total_minor,
                                   coalesce(sum(discount_minor), 0) as discount_minor, coalesce(sum(rounding_minor), 0) as rounding_minor
                            from sales_invoice where shift_uuid = :u and device_id = :d""")
                    .bind("u", s.shiftUuid()).bind("d", id).map(ConstructorMapper.of(ShiftSales.class)).one();
            Map<String, Long> modes = byMode(h, "i.shift_uuid = :u and i.device_id = :d", Map.of("u", s.shiftUuid(), "d", id), null, null);
            Long difference = s.expectedCashMinor() == null || s.countedCashMinor() == null ? null : s.countedCashMinor() - s.expectedCashMinor();
            shifts.add(new ShiftLine(s.shiftUuid(), s.userEmail(), s.shiftType(), s.openedAt(), s.closedAt(), sales.count(), sales.totalMinor(),
                    modes, s.expectedCashMinor(), s.countedCashMinor(), difference, readMap(s.totalsByMode()),
                    sales.discountMinor(), sales.roundingMinor()));
        }
        List<StockImpact> stock = h.createQuery("""
                        select s.item_code, i.name as item_name, i.unit, floor(s.qty_milli / 1000.0)::bigint as qty, s.qty_milli
                        from (select item_code, sum(qty_milli) as qty_milli from stock_ledger where device_id = :d
                              and (cast(:from as timestamptz) is null or posted_at >= :from) and (cast(:to as timestamptz) is null or posted_at < :to)
                              group by item_code) s
                        left join item i on i.code = s.item_code
                        order by s.item_code
                        """).bind("d", id).bind("from", from).bind("to", to)
                .map(ConstructorMapper.of(StockImpact.class)).list();
        // Rows still awaiting review (and rejections) are listed whatever the period: they need someone's attention.
        String statusRange = " and (reviewed_at is null or ((cast(:from as timestamptz) is null or received_at >= :from)"
                + " and (cast(:to as timestamptz) is null or received_at < :to)))";
        // A row refused for a taken sequence or UUID has no record of its own (its keys were taken): counted from the
        // collisions, which are listed until reviewed.
        long rejected = h.createQuery("""
                        select (select count(*) from pos_offline_sync_status where device_id = :d and outcome = 'rejected')
                             + (select count(*) from pos_offline_collision where device_id = :d and reviewed_at is null)
                        """).bind("d", id).mapTo(Long.class).one();
        List<SyncStatusReport.Collision> collisions = h.createQuery(SyncStatusReport.COLLISIONS
                        + " and (c.reviewed_at is null or ((cast(:from as timestamptz) is null or c.received_at >= :from)"
                        + " and (cast(:to as timestamptz) is null or c.received_at < :to))) order by c.seq, c.id")
                .bind("d", id).bind("from", from).bind("to", to).map(SyncStatusReport.COLLISION).list();
        List<Flag> flags = h.createQuery("select * from pos_offline_sync_status where device_id = :d and review" + statusRange + " order by seq")
                .bind("d", id).bind("from", from).bind("to", to)
                .registerColumnMapper(ReviewReasons.TYPE, reasons).map(ConstructorMapper.of(Flag.class))
                .list();
        return new DeviceLine(d.posId(), d.connectionStatus().label(), d.lastSync(), totals.sales(), totals.returns(),
                totals.grandTotalMinor(), byMode, shifts, stock, rejected, flags, collisions, totals.discountMinor(), totals.roundingMinor());
    }

    /** Money taken per payment mode: tenders, with the change given back taken off cash. */
    private Map<String, Long> byMode(Handle h, String where, Map<String, Object> binds, Instant from, Instant to) {
        var q = h.createQuery("""
                select mode, sum(amount) from (
                    select p.mode, p.amount_minor as amount from sales_invoice_payment p join sales_invoice i on i.id = p.invoice_id
                    where (""" + where + """
                    ) union all
                    select 'Cash', -i.change_minor from sales_invoice i where i.change_minor <> 0 and (""" + where + """
                )) x group by mode order by mode""");
        binds.forEach(q::bind);
        if (where.contains(":from")) q.bind("from", from).bind("to", to);
        Map<String, Long> out = new LinkedHashMap<>();
        q.map((rs, c) -> Map.entry(rs.getString(1), rs.getLong(2))).forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private static Instant parse(String text, boolean end, ZoneId zone) {
        if (text == null || text.isBlank()) return null;
        try {
            if (text.length() == 10) {
                LocalDate d = LocalDate.parse(text);
                return (end ? d.plusDays(1) : d).atStartOfDay(zone).toInstant();
            }
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("invalid_date", "'" + text + "' is not a date (2024-05-31) or an instant (2024-05-31T10:00:00Z).");
        }
    }

    private Map<String, Long> readMap(String s) {
        if (s == null) return Map.of();
        try {
            return json.readValue(s, new TypeReference<Map<String, Long>>() {});
        } catch (Exception e) {
            return Map.of();
        }
    }
}
