package dev.tillsync.server.console;

import dev.tillsync.server.Services;
import dev.tillsync.server.sales.CashierReport;
import dev.tillsync.server.sales.DailyReport;
import dev.tillsync.server.sales.ReportCsv;
import dev.tillsync.server.sales.SalesReports;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;

/**
 * The accountant's reports on one page for a range of local days and one till or all: per day and per cashier, each
 * downloadable as the same CSV the API gives. Read-only.
 */
final class ReportsController {
    private final ConsoleQueries q;
    private final Views views;
    private final SalesReports reports;

    ReportsController(Services services, ConsoleQueries queries, Views views) {
        this.q = queries;
        this.views = views;
        this.reports = new SalesReports(services.jdbi(), services.settings());
    }

    void page(Context ctx, ConsoleUser u) {
        DailyReport daily = reports.daily(ctx.queryParam("from"), ctx.queryParam("to"), ctx.queryParam("device"));
        CashierReport cashiers = reports.cashiers(daily.from().toString(), daily.to().toString(), daily.device());
        views.html(ctx, "reports", new ReportsModel(Frame.of(u, Frame.Tab.REPORTS, "Reports"), q.posIds(), daily, cashiers));
    }

    void dailyCsv(Context ctx, ConsoleUser u) {
        DailyReport r = reports.daily(ctx.queryParam("from"), ctx.queryParam("to"), ctx.queryParam("device"));
        csv(ctx, ReportCsv.fileName("daily", r.from(), r.to(), r.device()), ReportCsv.daily(r));
    }

    void cashiersCsv(Context ctx, ConsoleUser u) {
        CashierReport r = reports.cashiers(ctx.queryParam("from"), ctx.queryParam("to"), ctx.queryParam("device"));
        csv(ctx, ReportCsv.fileName("cashiers", r.from(), r.to(), r.device()), ReportCsv.cashiers(r));
    }

    private static void csv(Context ctx, String name, String body) {
        ctx.contentType("text/csv; charset=utf-8").header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .result(body.getBytes(StandardCharsets.UTF_8));
    }
}
