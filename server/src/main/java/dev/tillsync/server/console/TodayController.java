package dev.tillsync.server.console;

import dev.tillsync.server.Services;
import dev.tillsync.server.sales.SalesReports;
import dev.tillsync.server.sales.TodayReport;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** The shop today, in its own time zone: totals, each till's sales and sync health, and sales per hour. Read-only. */
final class TodayController {
    private final Views views;
    private final SalesReports reports;

    TodayController(Services services, Views views) {
        this.views = views;
        this.reports = new SalesReports(services.jdbi(), services.settings());
    }

    void page(Context ctx, ConsoleUser u) {
        TodayReport r = reports.today(ctx.queryParam("day"));
        List<ConsoleQueries.HourSales> hours = r.hours().stream()
                .map(h -> new ConsoleQueries.HourSales(h.hour(), h.count(), h.totalMinor(), h.offlineCount())).toList();
        SalesChart chart = SalesChart.of(hours, "Sales per hour on " + r.day() + " (" + r.timeZone() + "), all tills");
        views.html(ctx, "today", new TodayModel(Frame.of(u, Frame.Tab.TODAY, "Today"), r, chart,
                r.day().equals(LocalDate.now(ZoneId.of(r.timeZone())))));
    }
}
