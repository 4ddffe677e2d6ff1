package dev.tillsync.server.sales;

import dev.tillsync.server.master.ShopSettings;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/**
 * The accountant's and the manager's reports over the invoices the tills pushed: per local day, per cashier, and
 * today. Invariant: every day boundary is the shop's time zone (ShopSettings), applied both to the range (Java) and
 * to the grouping (PostgreSQL "at time zone"), and each report reads one repeatable-read snapshot.
 */
public final class SalesReports {
    private final Jdbi jdbi;
    private final ShopSettings settings;

    public SalesReports(Jdbi jdbi, ShopSettings settings) {
        this.jdbi = jdbi;
        this.settings = settings;
    }

    /** Which local days a report covers: the dates asked for, else the last 7 days up to today. */
    record Span(LocalDate first, LocalDate last) {}

    private static Span span(ShopDays days, String from, String to) {
        LocalDate last = ShopDays.date(to, "to date");
        LocalDate first = ShopDays.date(from, "from date");
        if (last == null) last = first != null && first.isAfter(days.today()) ? first : days.today();
        if (first == null) first = last.minusDays(6);
        ShopDays.checkSpan(first, last);
        return new Span(first, last);
    }

    private static final String RANGE = """
             from sales_invoice i join pos_offline d on d.id = i.device_id
            where i.posted_at >= :from and i.posted_at < :to and (cast(:device as text) is null or d.pos_id = :device)
            """;

    private record DayTotals(LocalDate day, long invoices, long returns, long returnsMinor, long netMinor, long taxMinor, long grossMinor,
                             long discountsMinor) {}

    private record DayRate(LocalDate day, int rateBp, long netMinor, long taxMinor) {}

    private record DayMode(LocalDate day, String mode, long amountMinor) {}

    public DailyReport daily(String from, String to, String device) {
        ZoneId zone = settings.timeZone();
        ShopDays days = new ShopDays(zone);
        Span span = span(days, from, to);
        String dev = InvoiceFilter.blankToNull(device);
        Instant a = days.startOf(span.first()), b = days.startOf(span.last().plusDays(1));
        return jdbi.inTransaction(h -> {
            h.execute("set transaction isolation level repeatable read, read only");
            if (dev != null) InvoiceBook.requireDevice(h, dev);
            String discounts = "coalesce(sum(i.discount_minor), 0)"; // every line and sale discount of the invoice (V13)
            String day = "cast(i.posted_at at time zone :tz as date)";
            List<DayTotals> totals = h.createQuery("select " + day + " as day,"
                            + " count(*) filter (where i.return_against is null) as invoices,"
                            + " count(*) filter (where i.return_against is not null) as returns,"
                            + " coalesce(-sum(i.grand_total_minor) filter (where i.return_against is not null), 0) as returns_minor,"
                            + " sum(i.net_total_minor) as net_minor, sum(i.tax_total_minor) as tax_minor, sum(i.grand_total_minor) as gross_minor,"
                            + " " + discounts + " as discounts_minor" + RANGE + " group by 1")
                    .bind("tz", zone.getId()).bind("from", a).bind("to", b).bind("device", dev)
                    .map(ConstructorMapper.of(DayTotals.class)).list();
            List<DayRate> rates = h.createQuery("select " + day + " as day, l.tax_rate_bp as rate_bp, sum(l.net_minor) as net_minor,"
                            + " sum(l.tax_minor) as tax_minor from sales_invoice_line l join sales_invoice i on i.id = l.invoice_id"
                            + " join pos_offline d on d.id = i.device_id"
                            + " where i.posted_at >= :from and i.posted_at < :to and (cast(:device as text) is null or d.pos_id = :device)"
                            + " group by 1, 2")
                    .bind("tz", zone.getId()).bind("from", a).bind("to", b).bind("device", dev)
                    .map(ConstructorMapper.of(DayRate.class)).list();
            List<DayMode> modes = h.createQuery("select day, mode, sum(amount) as amount_minor from ("
                            + " select " + day + " as day, p.mode, p.amount_minor as amount from sales_invoice_payment p"
                            + " join sales_invoice i on i.id = p.invoice_id join pos_offline d on d.id = i.device_id"
                            + " where i.posted_at >= :from and i.posted_at < :to and (cast(:device as text) is null or d.pos_id = :device)"
                            + " union all select " + day + ", 'Cash', -i.change_minor" + RANGE + " and i.change_minor <> 0"
                            + ") x group by 1, 2")
                    .bind("tz", zone.getId()).bind("from", a).bind("to", b).bind("device", dev)
                    .map(ConstructorMapper.of(DayMode.class)).list();
            return assemble(span, dev, zone, discounts, totals, rates, modes);
        });
    }

    private static DailyReport assemble(Span span, String dev, ZoneId zone, String discounts, List<DayTotals> totals,
                                        List<DayRate> rates, List<DayMode> modes) {
        TreeSet<Integer> rateSet = new TreeSet<>(Comparator.reverseOrder());
        rates.forEach(r -> rateSet.add(r.rateBp()));
        TreeSet<String> modeSet = new TreeSet<>();
        modes.forEach(m -> modeSet.add(m.mode()));
        Map<LocalDate, DayTotals> byDay = new TreeMap<>();
        totals.forEach(t -> byDay.put(t.day(), t));
        List<DailyReport.Day> out = new ArrayList<>();
        DayTotals sum = new DayTotals(null, 0, 0, 0, 0, 0, 0, 0);
        Map<Integer, long[]> rateSum = new TreeMap<>(Comparator.reverseOrder());
        Map<String, Long> modeSum = new TreeMap<>();
        for (LocalDate d = span.first(); !d.isAfter(span.last()); d = d.plusDays(1)) {
            DayTotals t = byDay.getOrDefault(d, new DayTotals(d, 0, 0, 0, 0, 0, 0, 0));
            LocalDate day = d;
            List<DailyReport.TaxRate> dayRates = rates.stream().filter(r -> r.day().equals(day))
                    .sorted(Comparator.comparingInt(DayRate::rateBp).reversed())
                    .map(r -> new DailyReport.TaxRate(r.rateBp(), r.netMinor(), r.taxMinor())).toList();
            Map<String, Long> dayModes = new TreeMap<>();
            modes.stream().filter(m -> m.day().equals(day)).forEach(m -> dayModes.put(m.mode(), m.amountMinor()));
            out.add(new DailyReport.Day(d, t.invoices(), t.returns(), t.returnsMinor(), t.netMinor(), t.taxMinor(), t.grossMinor(),
                    t.discountsMinor(), dayRates, dayModes));
            sum = new DayTotals(null, sum.invoices() + t.invoices(), sum.returns() + t.returns(), sum.returnsMinor() + t.returnsMinor(),
                    sum.netMinor() + t.netMinor(), sum.taxMinor() + t.taxMinor(), sum.grossMinor() + t.grossMinor(),
                    sum.discountsMinor() + t.discountsMinor());
            for (DailyReport.TaxRate r : dayRates) {
                long[] s = rateSum.computeIfAbsent(r.rateBp(), k -> new long[2]);
                s[0] += r.netMinor();
                s[1] += r.taxMinor();
            }
            dayModes.forEach((k, v) -> modeSum.merge(k, v, Long::sum));
        }
        List<DailyReport.TaxRate> totalRates = new ArrayList<>();
        rateSum.forEach((bp, s) -> totalRates.add(new DailyReport.TaxRate(bp, s[0], s[1])));
        DailyReport.Day total = new DailyReport.Day(null, sum.invoices(), sum.returns(), sum.returnsMinor(), sum.netMinor(), sum.taxMinor(),
                sum.grossMinor(), sum.discountsMinor(), totalRates, modeSum);
        return new DailyReport(span.first(), span.last(), dev, zone.getId(), List.copyOf(rateSet), List.copyOf(modeSet),
                null, out, total);
    }

    private record CashierRow(String cashier, String name, long sales, long grossMinor, long returns, long returnsMinor, long cashTakenMinor,
                              long discountsMinor, long roundingMinor) {}

    public CashierReport cashiers(String from, String to, String device) {
        ZoneId zone = settings.timeZone();
        ShopDays days = new ShopDays(zone);
        Span span = span(days, from, to);
        String dev = InvoiceFilter.blankToNull(device);
        Instant a = days.startOf(span.first()), b = days.startOf(span.last().plusDays(1));
        return jdbi.inTransaction(h -> {
            h.execute("set transaction isolation level repeatable read, read only");
            if (dev != null) InvoiceBook.requireDevice(h, dev);
            // Cash taken: tenders in a cash-type mode (or one named Cash), less the change given back in cash.
            List<CashierRow> rows = h.createQuery("""
                            select s.cashier, nullif(trim(coalesce(u.first_name, '') || ' ' || coalesce(u.last_name, '')), '') as name,
                                   s.sales, s.gross_minor, s.returns, s.returns_minor, s.cash_taken_minor, s.discounts_minor, s.rounding_minor
                            from (select i.cashier,
                                         count(*) filter (where i.return_against is null) as sales,
                                         sum(i.grand_total_minor) as gross_minor,
                                         count(*) filter (where i.return_against is not null) as returns,
                                         coalesce(-sum(i.grand_total_minor) filter (where i.return_against is not null), 0) as returns_minor,
                                         coalesce(sum((select sum(p.amount_minor) from sales_invoice_payment p
                                                       where p.invoice_id = i.id and (lower(p.mode) = 'cash'
                                                             or exists (select 1 from payment_mode m where m.name = p.mode and m.type = 'cash')))), 0)
                                           - sum(i.change_minor) as cash_taken_minor,
                                         sum(i.discount_minor) as discounts_minor, sum(i.rounding_minor) as rounding_minor
                                  """ + RANGE + """
                                  group by i.cashier) s
                            left join lateral (select first_name, last_name from app_user
                                               where login = s.cashier or email = s.cashier order by (login = s.cashier) desc limit 1) u on true
                            order by s.cashier nulls last""")
                    .bind("from", a).bind("to", b).bind("device", dev)
                    .map(ConstructorMapper.of(CashierRow.class)).list();
            List<CashierReport.Cashier> out = new ArrayList<>();
            long sales = 0, gross = 0, returns = 0, returnsMinor = 0, cash = 0, discounts = 0, rounding = 0;
            for (CashierRow r : rows) {
                out.add(new CashierReport.Cashier(r.cashier(), r.name(), r.sales(), r.grossMinor(), r.returns(), r.returnsMinor(), r.cashTakenMinor(),
                        r.discountsMinor(), r.roundingMinor()));
                discounts += r.discountsMinor();
                rounding += r.roundingMinor();
                sales += r.sales();
                gross += r.grossMinor();
                returns += r.returns();
                returnsMinor += r.returnsMinor();
                cash += r.cashTakenMinor();
            }
            return new CashierReport(span.first(), span.last(), dev, zone.getId(), out,
                    new CashierReport.Cashier(null, null, sales, gross, returns, returnsMinor, cash, discounts, rounding));
        });
    }

    private record Totals(long sales, long grossMinor, long returns, long returnsMinor) {}

    /** One local day ({@code day} null: today in the shop's time zone) across all tills. */
    public TodayReport today(String dayText) {
        ZoneId zone = settings.timeZone();
        ShopDays days = new ShopDays(zone);
        LocalDate day = dayText == null || dayText.isBlank() ? days.today() : ShopDays.date(dayText, "day");
        ShopDays.Range r = days.day(day);
        return jdbi.inTransaction(h -> {
            h.execute("set transaction isolation level repeatable read, read only");
            Totals t = h.createQuery("""
                            select count(*) filter (where i.return_against is null) as sales, coalesce(sum(i.grand_total_minor), 0) as gross_minor,
                                   count(*) filter (where i.return_against is not null) as returns,
                                   coalesce(-sum(i.grand_total_minor) filter (where i.return_against is not null), 0) as returns_minor
                            """ + RANGE)
                    .bind("from", r.from()).bind("to", r.to()).bind("device", (String) null).map(ConstructorMapper.of(Totals.class)).one();
            Map<String, Long> modes = new LinkedHashMap<>();
            h.createQuery("select mode, sum(amount) from (select p.mode, p.amount_minor as amount from sales_invoice_payment p"
                            + " join sales_invoice i on i.id = p.invoice_id where i.posted_at >= :from and i.posted_at < :to"
                            + " union all select 'Cash', -i.change_minor from sales_invoice i where i.posted_at >= :from and i.posted_at < :to"
                            + " and i.change_minor <> 0) x group by mode order by mode")
                    .bind("from", r.from()).bind("to", r.to())
                    .map((rs, c) -> Map.entry(rs.getString(1), rs.getLong(2))).forEach(e -> modes.put(e.getKey(), e.getValue()));
            List<TodayReport.Till> tills = h.createQuery("""
                            select d.pos_id, d.connection_status, d.last_sync,
                                   coalesce(x.sales, 0) as sales, coalesce(x.gross_minor, 0) as gross_minor,
                                   coalesce(s.max_seq, 0) - coalesce(s.received, 0) + coalesce(s.in_flight, 0) as pending,
                                   coalesce(s.failed, 0) as failed, coalesce(s.to_review, 0) as to_review
                            from pos_offline d
                            left join (select i.device_id, count(*) filter (where i.return_against is null) as sales,
                                              sum(i.grand_total_minor) as gross_minor
                                       from sales_invoice i where i.posted_at >= :from and i.posted_at < :to group by i.device_id) x
                                   on x.device_id = d.id
                            left join (select device_id, count(*) as received, count(*) filter (where outcome = 'rejected') as failed,
                                              count(*) filter (where outcome = 'pending') as in_flight,
                                              count(*) filter (where review and reviewed_at is null) as to_review, max(seq) as max_seq
                                       from pos_offline_sync_status group by device_id) s on s.device_id = d.id
                            order by d.pos_id""")
                    .bind("from", r.from()).bind("to", r.to()).map(ConstructorMapper.of(TodayReport.Till.class)).list();
            List<TodayReport.Hour> hours = h.createQuery("""
                            select cast(extract(hour from i.posted_at at time zone :tz) as int) as hour, count(*) as count,
                                   coalesce(sum(i.grand_total_minor), 0) as total_minor, count(*) filter (where i.offline) as offline_count
                            from sales_invoice i where i.posted_at >= :from and i.posted_at < :to and i.return_against is null
                            group by 1 order by 1""")
                    .bind("tz", zone.getId()).bind("from", r.from()).bind("to", r.to())
                    .map(ConstructorMapper.of(TodayReport.Hour.class)).list();
            return new TodayReport(day, zone.getId(), t.sales(), t.grossMinor(), t.returns(), t.returnsMinor(), modes, tills, hours);
        });
    }
}
