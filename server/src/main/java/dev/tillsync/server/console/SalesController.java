package dev.tillsync.server.console;

import dev.tillsync.server.Services;
import dev.tillsync.server.sales.InvoiceBook;
import dev.tillsync.server.sales.InvoiceFilter;
import dev.tillsync.server.sales.ShopDays;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Sales across all tills or one: invoices filtered by till, local day, cashier and a search, newest first, and one
 * invoice's page with its lines, payments, the returns made against it and how it reached the server. Read-only.
 */
final class SalesController {
    private final Services s;
    private final ConsoleQueries q;
    private final Views views;
    private final InvoiceBook invoices;

    SalesController(Services services, ConsoleQueries queries, Views views) {
        this.s = services;
        this.q = queries;
        this.views = views;
        this.invoices = new InvoiceBook(services.jdbi(), services.settings());
    }

    void list(Context ctx, ConsoleUser u) {
        ZoneId zone = s.settings().timeZone();
        LocalDate day = ShopDays.date(ctx.queryParam("day"), "day");
        int page = 1;
        String p = ctx.queryParam("page");
        if (p != null && p.matches("\\d{1,6}")) page = Math.max(1, Integer.parseInt(p));
        InvoiceFilter f = new InvoiceFilter(ctx.queryParam("device"), day, null, null, ctx.queryParam("cashier"), ctx.queryParam("q"), page);
        views.html(ctx, "sales", new SalesModel(Frame.of(u, Frame.Tab.SALES, "Sales"), q.posIds(), invoices.cashiers(null), f,
                invoices.list(f), zone));
    }

    void detail(Context ctx, ConsoleUser u) {
        var inv = invoices.get(ctx.pathParam("number"));
        views.html(ctx, "saleDetail", new SaleDetailModel(Frame.of(u, Frame.Tab.SALES, "Invoice " + inv.number()), inv,
                s.settings().timeZone()));
    }
}
