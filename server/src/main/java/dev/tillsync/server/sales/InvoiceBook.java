package dev.tillsync.server.sales;

import dev.tillsync.server.ingest.ReviewReasons;
import dev.tillsync.server.master.Page;
import dev.tillsync.server.master.ShopSettings;
import dev.tillsync.server.refusal.Refusal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/**
 * The invoices the tills pushed, across all tills or one, read-only. Invariant: a day filter means the shop's local
 * day (ShopSettings), converted to UTC instants before it reaches SQL; the answers carry UTC instants.
 */
public final class InvoiceBook {
    private final Jdbi jdbi;
    private final ShopSettings settings;
    private final ReviewReasons reasons = new ReviewReasons();

    public InvoiceBook(Jdbi jdbi, ShopSettings settings) {
        this.jdbi = jdbi;
        this.settings = settings;
    }

    private static final String WHERE = """
             from sales_invoice i join pos_offline d on d.id = i.device_id
            where (cast(:device as text) is null or d.pos_id = :device)
              and (cast(:from as timestamptz) is null or i.posted_at >= :from)
              and (cast(:to as timestamptz) is null or i.posted_at < :to)
              and (cast(:cashier as text) is null or i.cashier = :cashier)
              and (cast(:q as text) is null or lower(i.number) like :q or lower(coalesce(i.customer_number, '')) like :q
                   or lower(coalesce(i.return_against, '')) like :q)
            """;

    public InvoiceListing list(InvoiceFilter f) {
        ShopDays days = new ShopDays(settings.timeZone());
        ShopDays.Range r = f.day() != null ? days.day(f.day()) : days.range(f.from(), f.to());
        return jdbi.inTransaction(h -> {
            h.execute("set transaction isolation level repeatable read, read only");
            if (f.device() != null) requireDevice(h, f.device());
            String q = f.q() == null ? null : Page.like(f.q());
            long[] total = h.createQuery("select count(*), coalesce(sum(i.grand_total_minor), 0)" + WHERE)
                    .bind("device", f.device()).bind("from", r.from()).bind("to", r.to()).bind("cashier", f.cashier()).bind("q", q)
                    .map((rs, c) -> new long[] {rs.getLong(1), rs.getLong(2)}).one();
            List<InvoiceSummary> rows = h.createQuery("""
                            select i.number, d.pos_id as device, i.posted_at, i.cashier, i.customer_number, i.return_against, i.offline,
                                   i.net_total_minor as net_minor, i.tax_total_minor as tax_minor, i.grand_total_minor as gross_minor""" + WHERE + """
                             order by i.posted_at desc, i.number desc limit :limit offset :offset""")
                    .bind("device", f.device()).bind("from", r.from()).bind("to", r.to()).bind("cashier", f.cashier()).bind("q", q)
                    .bind("limit", InvoiceFilter.PAGE_SIZE).bind("offset", (long) (f.page() - 1) * InvoiceFilter.PAGE_SIZE)
                    .map(ConstructorMapper.of(InvoiceSummary.class)).list();
            return new InvoiceListing(f.page(), InvoiceFilter.PAGE_SIZE, total[0], total[1], days.zone().getId(), rows);
        });
    }

    /** The cashiers who made sales (on one till or all), for a filter's pick list. */
    public List<String> cashiers(String device) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select distinct i.cashier from sales_invoice i join pos_offline d on d.id = i.device_id
                        where i.cashier is not null and (cast(:device as text) is null or d.pos_id = :device) order by 1""")
                .bind("device", InvoiceFilter.blankToNull(device)).mapTo(String.class).list());
    }

    private record Head(long id, String number, String device, Instant postedAt, String cashier, String customerNumber,
                        boolean offline, String returnAgainst, String profileKey, long netMinor, long taxMinor, long grossMinor,
                        long changeMinor, String syncUuid, String shiftUuid, boolean pricesIncludeTax, long discountMinor,
                        long roundingMinor) {}

    /** The invoice's row in pos_offline_sync_status (an invoice is only ever written with one). */
    private record SyncRow(String uuid, Long seq, Instant receivedAt, String via, boolean review, List<String> reviewReasons,
                           String reviewedBy, Instant reviewedAt) {}

    private record ReturnHead(long id, String number, String device, Instant postedAt, long grossMinor) {}

    public InvoiceDetail get(String number) {
        return jdbi.inTransaction(h -> {
            h.execute("set transaction isolation level repeatable read, read only");
            Head head = h.createQuery("""
                            select i.id, i.number, d.pos_id as device, i.posted_at, i.cashier, i.customer_number, i.offline, i.return_against,
                                   i.profile_key, i.net_total_minor as net_minor, i.tax_total_minor as tax_minor,
                                   i.grand_total_minor as gross_minor, i.change_minor, i.sync_uuid, i.shift_uuid,
                                   i.prices_include_tax, i.discount_minor, i.rounding_minor
                            from sales_invoice i join pos_offline d on d.id = i.device_id where i.number = :n""")
                    .bind("n", number).map(ConstructorMapper.of(Head.class)).findOne()
                    .orElseThrow(() -> Refusal.notFound("No invoice " + number + " has reached the server. Check the number on the receipt;"
                            + " a sale made offline arrives when its till syncs or its export file is uploaded."));
            List<ReturnHead> returnHeads = h.createQuery("""
                            select r.id, r.number, d.pos_id as device, r.posted_at, r.grand_total_minor as gross_minor
                            from sales_invoice r join pos_offline d on d.id = r.device_id where r.return_against = :n
                            order by r.posted_at, r.number""").bind("n", number).map(ConstructorMapper.of(ReturnHead.class)).list();
            List<InvoiceDetail.ReturnMade> returns = new ArrayList<>();
            Map<String, Long> returnedByItem = new HashMap<>();
            for (ReturnHead rh : returnHeads) {
                List<InvoiceDetail.ReturnedItem> items = h.createQuery("""
                                select l.item_code, coalesce(l.item_name, it.name) as item_name, -l.qty as qty,
                                       -coalesce(l.qty_milli, l.qty * 1000) as qty_milli
                                from sales_invoice_line l left join item it on it.code = l.item_code
                                where l.invoice_id = :id order by l.line_no""")
                        .bind("id", rh.id()).map(ConstructorMapper.of(InvoiceDetail.ReturnedItem.class)).list();
                for (var it : items) returnedByItem.merge(it.itemCode(), it.qtyMilli(), Long::sum);
                returns.add(new InvoiceDetail.ReturnMade(rh.number(), rh.device(), rh.postedAt(), rh.grossMinor(), items));
            }
            List<InvoiceDetail.Line> lines = new ArrayList<>();
            h.createQuery("""
                            select l.line_no, l.item_code, coalesce(l.item_name, it.name) as item_name, l.qty, l.rate_minor, l.tax_rate_bp,
                                   l.net_minor, l.tax_minor, l.total_minor, 0 as returned_qty, coalesce(l.qty_milli, l.qty * 1000) as qty_milli,
                                   l.unit, coalesce(l.gross_minor, l.net_minor) as gross_minor,
                                   l.line_discount_minor + l.sale_discount_minor as discount_minor, 0 as returned_qty_milli
                            from sales_invoice_line l left join item it on it.code = l.item_code
                            where l.invoice_id = :id order by l.line_no""")
                    .bind("id", head.id()).map(ConstructorMapper.of(InvoiceDetail.Line.class))
                    .forEach(l -> {
                        // The returns name items, not lines: what came back is allocated to this item's lines in order.
                        long left = returnedByItem.getOrDefault(l.itemCode(), 0L);
                        long taken = Math.max(0, Math.min(left, l.qtyMilli()));
                        returnedByItem.put(l.itemCode(), left - taken);
                        lines.add(new InvoiceDetail.Line(l.lineNo(), l.itemCode(), l.itemName(), l.qty(), l.rateMinor(), l.taxRateBp(),
                                l.netMinor(), l.taxMinor(), l.totalMinor(), taken / 1000, l.qtyMilli(), l.unit(), l.grossMinor(),
                                l.discountMinor(), taken));
                    });
            List<InvoiceDetail.Tender> payments = h.createQuery("""
                            select line_no, mode, amount_minor, reference from sales_invoice_payment where invoice_id = :id order by line_no""")
                    .bind("id", head.id()).map(ConstructorMapper.of(InvoiceDetail.Tender.class)).list();
            InvoiceDetail.Shift shift = head.shiftUuid() == null ? null : h.createQuery("""
                            select shift_uuid as uuid, user_email as "user", shift_type, opened_at, closed_at from pos_shift where shift_uuid = :u""")
                    .bind("u", head.shiftUuid()).map(ConstructorMapper.of(InvoiceDetail.Shift.class)).findOne()
                    .orElse(new InvoiceDetail.Shift(head.shiftUuid(), null, null, null, null));
            InvoiceDetail.SyncFacts sync = h.createQuery("""
                            select uuid, seq, received_at, via, review, review_reasons, reviewed_by, reviewed_at
                            from pos_offline_sync_status where uuid = :u""")
                    .bind("u", head.syncUuid()).registerColumnMapper(ReviewReasons.TYPE, reasons).map(ConstructorMapper.of(SyncRow.class))
                    .findOne().map(r -> new InvoiceDetail.SyncFacts(r.uuid(), r.seq(), r.receivedAt(), r.via(), r.review(), r.reviewReasons(),
                            r.reviewedBy(), r.reviewedAt(), shift))
                    .orElse(new InvoiceDetail.SyncFacts(head.syncUuid(), null, null, null, false, List.of(), null, null, shift));
            return new InvoiceDetail(head.number(), head.device(), head.postedAt(), head.cashier(), head.customerNumber(), head.offline(),
                    head.returnAgainst(), head.profileKey(), head.netMinor(), head.taxMinor(), head.grossMinor(), head.changeMinor(),
                    lines, payments, returns, sync, head.pricesIncludeTax(), head.discountMinor(), head.roundingMinor());
        });
    }

    static void requireDevice(Handle h, String posId) {
        boolean known = h.createQuery("select exists (select 1 from pos_offline where pos_id = :p)").bind("p", posId).mapTo(Boolean.class).one();
        if (!known) throw Refusal.notFound("No till " + posId + " is registered; pick one from the device list.");
    }
}
