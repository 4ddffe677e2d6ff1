package dev.tillsync.server.console;

import dev.tillsync.server.Services;
import dev.tillsync.server.auth.Role;
import dev.tillsync.server.http.RefusalStatus;
import dev.tillsync.server.master.customers.CustomerService;
import dev.tillsync.server.refusal.Refusal;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/**
 * Customers through CustomerService: the list searches and pages on the server (a shop may have many thousands);
 * the form keeps what was typed when a save is refused. A phone another customer already has is saved and named
 * in the notice (the tills may have made the same person twice offline; that is for a person to decide).
 */
final class CustomersController {
    private final Services s;
    private final Views views;
    private final SetupChoices choices;

    CustomersController(Services services, Views views) {
        this.s = services;
        this.views = views;
        this.choices = new SetupChoices(services);
    }

    void list(Context ctx, ConsoleUser u) {
        String q = ctx.queryParam("q");
        int offset = offset(ctx.queryParam("offset"));
        var page = s.customers().list(q, offset, CustomersModel.PAGE);
        views.html(ctx, "customers", new CustomersModel(Frame.of(u, Frame.Tab.CUSTOMERS, "Customers"), null, q == null ? "" : q, page,
                u.can(Role.ACCOUNTS_MANAGER)));
    }

    void newForm(Context ctx, ConsoleUser u) {
        views.html(ctx, "customerForm", model(u, null, null, CustomerFormModel.Draft.blank(), false));
    }

    void form(Context ctx, ConsoleUser u) {
        CustomerService.Customer c = s.customers().get(ctx.pathParam("number"));
        views.html(ctx, "customerForm", model(u, savedNotice(ctx), null, CustomerFormModel.Draft.of(c), true));
    }

    void create(Context ctx, ConsoleUser u) {
        CustomerFormModel.Draft d = typed(ctx, null);
        try {
            CustomerService.Saved saved = s.customers().create(u.email(), new CustomerService.Spec(d.number(), d.name(), d.phone(), d.email(),
                    d.taxNumber(), d.priceList(), null, null));
            redirect(ctx, saved);
        } catch (Refusal e) {
            ctx.status(RefusalStatus.of(e.kind()));
            views.html(ctx, "customerForm", model(u, null, e.getMessage(), d, false));
        }
    }

    void save(Context ctx, ConsoleUser u) {
        String number = ctx.pathParam("number");
        CustomerFormModel.Draft d = typed(ctx, number);
        try {
            CustomerService.Saved saved = s.customers().update(u.email(), number, new CustomerService.Spec(null, d.name(), d.phone(), d.email(),
                    d.taxNumber(), d.priceList(), d.active(), d.version()));
            redirect(ctx, saved);
        } catch (Refusal e) {
            ctx.status(RefusalStatus.of(e.kind()));
            views.html(ctx, "customerForm", model(u, null, e.getMessage(), d, true));
        }
    }

    private static void redirect(Context ctx, CustomerService.Saved saved) {
        String same = saved.samePhone().isEmpty() ? "" : "&samePhone=" + Urls.segment(String.join(", ", saved.samePhone()));
        ctx.redirect("/console/customers/" + Urls.segment(saved.customer().number()) + "?saved=1" + same, HttpStatus.SEE_OTHER);
    }

    /**
     * The form as typed. Every text field is sent as typed, blank included (blank clears it, as on the API); on
     * create a blank number means "the next of the series".
     */
    private static CustomerFormModel.Draft typed(Context ctx, String number) {
        return new CustomerFormModel.Draft(number != null ? number : Urls.text(ctx.formParam("number")).strip(), Urls.text(ctx.formParam("name")),
                Urls.text(ctx.formParam("phone")), Urls.text(ctx.formParam("email")), Urls.text(ctx.formParam("taxNumber")),
                Urls.text(ctx.formParam("priceList")), ctx.formParam("active") != null, Urls.version(ctx));
    }

    private static String savedNotice(Context ctx) {
        if (ctx.queryParam("saved") == null) return null;
        String same = ctx.queryParam("samePhone");
        return "Customer saved; the tills get it on their next pull."
                + (same == null || same.isBlank() ? "" : " Note: " + same + " has the same phone number; if it is the same person, disable one of them.");
    }

    private static int offset(String v) {
        if (v == null || !v.strip().matches("[0-9]{1,9}")) return 0;
        return Integer.parseInt(v.strip());
    }

    private CustomerFormModel model(ConsoleUser u, String notice, String error, CustomerFormModel.Draft d, boolean editing) {
        return new CustomerFormModel(Frame.of(u, Frame.Tab.CUSTOMERS, editing ? "Customer " + d.number() : "New customer"), notice, error, d,
                editing, choices.priceLists(), u.can(Role.ACCOUNTS_MANAGER));
    }
}
