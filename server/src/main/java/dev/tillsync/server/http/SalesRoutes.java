package dev.tillsync.server.http;

import static dev.tillsync.server.auth.Role.ACCOUNTS_USER;
import static dev.tillsync.server.http.Caller.DEVICE;

import dev.tillsync.server.Services;
import dev.tillsync.server.sales.CashierReport;
import dev.tillsync.server.sales.DailyReport;
import dev.tillsync.server.sales.InvoiceBook;
import dev.tillsync.server.sales.InvoiceFilter;
import dev.tillsync.server.sales.ReportCsv;
import dev.tillsync.server.sales.SalesReports;
import dev.tillsync.server.sales.ShopDays;
import dev.tillsync.server.returns.ReturnableInvoices;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The sales and report routes under /api/v1, all readable by an Accounts User: the invoices across tills (day filters
 * in the shop's time zone), one invoice with its returns, and the daily and per-cashier reports as JSON or CSV
 * ({@code Accept: text/csv} or the {@code .csv} route), and a sale as a till of its store needs it to take a return
 * ({@code /invoices/{number}/returnable}, for a device too). Unknown query parameters are refused, as on reconciliation.
 */
final class SalesRoutes {
    private static final String P = ApiRoutes.P;

    private final InvoiceBook invoices;
    private final SalesReports reports;
    private final org.jdbi.v3.core.Jdbi jdbi;
    private final ReturnableInvoices returnable = new ReturnableInvoices();

    SalesRoutes(Services services) {
        this.invoices = new InvoiceBook(services.jdbi(), services.settings());
        this.reports = new SalesReports(services.jdbi(), services.settings());
        this.jdbi = services.jdbi();
    }

    void register(RoutesConfig app) {
        app.get(P + "/invoices", this::list, ACCOUNTS_USER);
        app.get(P + "/invoices/{number}", ctx -> ctx.json(invoices.get(ctx.pathParam("number"))), ACCOUNTS_USER);
        // A till of the store (device headers) looks a sale up to take a return against it; a back-office user any sale.
        app.get(P + "/invoices/{number}/returnable", ctx -> ctx.json(jdbi.withHandle(h ->
                returnable.find(h, ctx.pathParam("number"), Access.callingDevice(ctx).orElse(null)))), DEVICE, ACCOUNTS_USER);
        app.get(P + "/reports/daily", ctx -> daily(ctx, wantsCsv(ctx)), ACCOUNTS_USER);
        app.get(P + "/reports/daily.csv", ctx -> daily(ctx, true), ACCOUNTS_USER);
        app.get(P + "/reports/cashiers", ctx -> cashiers(ctx, wantsCsv(ctx)), ACCOUNTS_USER);
        app.get(P + "/reports/cashiers.csv", ctx -> cashiers(ctx, true), ACCOUNTS_USER);
        app.get(P + "/reports/today", ctx -> {
            only(ctx, "day");
            ctx.json(reports.today(ctx.queryParam("day")));
        }, ACCOUNTS_USER);
    }

    private void list(Context ctx) {
        only(ctx, "device", "day", "from", "to", "cashier", "q", "page");
        ctx.json(invoices.list(new InvoiceFilter(ctx.queryParam("device"), ShopDays.date(ctx.queryParam("day"), "day"),
                ctx.queryParam("from"), ctx.queryParam("to"), ctx.queryParam("cashier"), ctx.queryParam("q"), page(ctx))));
    }

    private void daily(Context ctx, boolean csv) {
        only(ctx, "from", "to", "device");
        DailyReport r = reports.daily(ctx.queryParam("from"), ctx.queryParam("to"), ctx.queryParam("device"));
        if (csv) {
            csv(ctx, ReportCsv.fileName("daily", r.from(), r.to(), r.device()), ReportCsv.daily(r));
        } else {
            ctx.json(r);
        }
    }

    private void cashiers(Context ctx, boolean csv) {
        only(ctx, "from", "to", "device");
        CashierReport r = reports.cashiers(ctx.queryParam("from"), ctx.queryParam("to"), ctx.queryParam("device"));
        if (csv) {
            csv(ctx, ReportCsv.fileName("cashiers", r.from(), r.to(), r.device()), ReportCsv.cashiers(r));
        } else {
            ctx.json(r);
        }
    }

    private static void csv(Context ctx, String fileName, String body) {
        ctx.contentType("text/csv; charset=utf-8").header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .result(body.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean wantsCsv(Context ctx) {
        String accept = ctx.header("Accept");
        return accept != null && accept.toLowerCase().contains("text/csv");
    }

    private static int page(Context ctx) {
        String v = ctx.queryParam("page");
        if (v == null || v.isBlank()) return 1;
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("invalid_page", "page must be a whole number (1 for the first page).");
        }
    }

    /** Refuses a query parameter the route does not take: an ignored filter would answer the whole shop's figures. */
    private static void only(Context ctx, String... known) {
        List<String> allowed = List.of(known);
        for (String name : ctx.queryParamMap().keySet()) {
            if (!allowed.contains(name)) {
                throw ApiException.badRequest("unknown_parameter", "Unknown query parameter '" + name + "'; this takes "
                        + String.join(", ", allowed) + ".");
            }
        }
    }
}
