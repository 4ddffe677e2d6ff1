package dev.tillsync.server.stock;

import dev.tillsync.core.master.Unit;
import dev.tillsync.server.master.Page;
import dev.tillsync.server.master.ShopSettings;
import dev.tillsync.server.master.StockVouchers;
import dev.tillsync.server.refusal.Refusal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * Reads of stock: levels per warehouse and item with the item's name and unit, and the ledger of movements (who,
 * when, why; a stocktake's expected, counted and variance). Read-only: levels change only in {@link StockMovements},
 * the tills' pushes and the stock import. Day filters are local days of the shop's time zone.
 */
public final class StockLevels {
    private final Jdbi jdbi;
    private final ShopSettings settings;

    public StockLevels(Jdbi jdbi, ShopSettings settings) {
        this.jdbi = jdbi;
        this.settings = settings;
    }

    /** A level; {@code qty} is the level as a person writes it in the item's unit ("12", "1.25"). */
    public record Level(String warehouse, String item, String itemName, String unit, String qty, long qtyMilli) {}

    /**
     * One ledger row. {@code createdBy} is the signed-in user of a back-office movement, {@code device} the till of a
     * sale or a till's own movement. {@code variance} is a stocktake's posted quantity (counted − expected).
     */
    public record Entry(long id, Instant postedAt, String createdBy, String device, String type, String voucherNo, String warehouse,
                        String item, String itemName, String unit, String qty, long qtyMilli, String reason, String supplier,
                        String reference, String expected, String counted, String variance) {}

    private static final String LEVELS_WHERE = """
            from stock s join item i on i.code = s.item_code
            where (cast(:w as text) is null or s.warehouse = :w)
              and (cast(:item as text) is null or s.item_code = :item)
              and (cast(:q as text) is null or lower(i.code) like :prefix or lower(i.name) like :like)
            """;

    /** Levels by item code then warehouse, filtered by warehouse and item (exact) and q (a code's start or part of a name). */
    public Page<Level> levels(String warehouse, String item, String q, Integer offset, Integer limit) {
        int off = Page.offset(offset), lim = Page.limit(limit);
        String w = blank(warehouse), i = blank(item), search = blank(q);
        String like = Page.like(search);
        String prefix = like.substring(1);
        return jdbi.withHandle(h -> {
            long total = h.createQuery("select count(*) " + LEVELS_WHERE).bind("w", w).bind("item", i).bind("q", search)
                    .bind("prefix", prefix).bind("like", like).mapTo(Long.class).one();
            List<Level> rows = h.createQuery("select s.warehouse, s.item_code, i.name, i.unit, s.qty_milli " + LEVELS_WHERE
                            + " order by s.item_code, s.warehouse offset :off limit :lim")
                    .bind("w", w).bind("item", i).bind("q", search).bind("prefix", prefix).bind("like", like).bind("off", off).bind("lim", lim)
                    .map((rs, ctx) -> new Level(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            Unit.format(rs.getLong(5)), rs.getLong(5)))
                    .list();
            return new Page<>(rows, off, lim, total);
        });
    }

    /** The level of one item in one warehouse (0 when it never had stock there). */
    public long levelMilli(String warehouse, String item) {
        return jdbi.withHandle(h -> h.createQuery("select qty_milli from stock where warehouse = :w and item_code = :i")
                .bind("w", warehouse).bind("i", item).mapTo(Long.class).findOne().orElse(0L));
    }

    /**
     * Ledger rows newest first, optionally of one warehouse, one item, one voucher type and local days from..to
     * (YYYY-MM-DD, both included, in the shop's time zone).
     */
    public Page<Entry> movements(String warehouse, String item, String voucherNo, String from, String to, Integer offset, Integer limit) {
        int off = Page.offset(offset), lim = Page.limit(limit);
        ZoneId zone = settings.timeZone();
        LocalDate first = date(from, "from"), last = date(to, "to");
        if (first != null && last != null && last.isBefore(first)) {
            throw Refusal.invalid("invalid_range", "'to' (" + last + ") is before 'from' (" + first + ").");
        }
        Instant after = first == null ? null : first.atStartOfDay(zone).toInstant();
        Instant before = last == null ? null : last.plusDays(1).atStartOfDay(zone).toInstant();
        String where = """
                from stock_ledger l left join item i on i.code = l.item_code left join pos_offline d on d.id = l.device_id
                where (cast(:w as text) is null or l.warehouse = :w) and (cast(:i as text) is null or l.item_code = :i)
                  and (cast(:v as text) is null or l.voucher_no = :v)
                  and (cast(:after as timestamptz) is null or l.posted_at >= :after)
                  and (cast(:before as timestamptz) is null or l.posted_at < :before)
                """;
        String w = blank(warehouse), i = blank(item), v = blank(voucherNo);
        return jdbi.withHandle(h -> {
            long total = h.createQuery("select count(*) " + where).bind("w", w).bind("i", i).bind("v", v).bind("after", after).bind("before", before)
                    .mapTo(Long.class).one();
            List<Entry> rows = h.createQuery("""
                            select l.id, l.posted_at, l.created_by, d.pos_id, l.voucher_type, l.voucher_no, l.warehouse, l.item_code, i.name, i.unit,
                                   l.qty_milli, l.reason, l.supplier, l.reference, l.expected_milli, l.counted_milli
                            """ + where + " order by l.id desc offset :off limit :lim")
                    .bind("w", w).bind("i", i).bind("v", v).bind("after", after).bind("before", before).bind("off", off).bind("lim", lim)
                    .map((rs, ctx) -> {
                        long q = rs.getLong("qty_milli");
                        String type = rs.getString("voucher_type");
                        return new Entry(rs.getLong("id"), rs.getTimestamp("posted_at").toInstant(), rs.getString("created_by"),
                                rs.getString("pos_id"), type, rs.getString("voucher_no"), rs.getString("warehouse"), rs.getString("item_code"),
                                rs.getString("name"), rs.getString("unit"), Unit.format(q), q, rs.getString("reason"), rs.getString("supplier"),
                                rs.getString("reference"), milli(rs.getObject("expected_milli")), milli(rs.getObject("counted_milli")),
                                StockVouchers.STOCKTAKE.equals(type) ? Unit.format(q) : null);
                    })
                    .list();
            return new Page<>(rows, off, lim, total);
        });
    }

    private static LocalDate date(String text, String name) {
        if (text == null || text.isBlank()) return null;
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("invalid_date", name + " must be a date as YYYY-MM-DD, not '" + text.trim() + "'.");
        }
    }

    private static String milli(Object v) {
        return v == null ? null : Unit.format(((Number) v).longValue());
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
