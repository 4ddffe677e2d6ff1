package dev.tillsync.server.console;

import dev.tillsync.server.Services;
import dev.tillsync.server.refusal.Refusal;
import dev.tillsync.server.report.Reconciliation;
import dev.tillsync.server.report.SyncStatusReport;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Reconciliation of one device for one local day of the shop (its time zone setting; or all days): sales and totals per payment mode, per-shift
 * expected against counted cash, stock impact, flagged rows with a "reviewed" action, and sales per hour.
 */
final class ReconciliationController {
    private static final int RECENTLY_REVIEWED = 20;

    private final Services s;
    private final ConsoleQueries q;
    private final Views views;

    ReconciliationController(Services services, ConsoleQueries queries, Views views) {
        this.s = services;
        this.q = queries;
        this.views = views;
    }

    void page(Context ctx, ConsoleUser u) {
        List<String> ids = q.posIds();
        String posId = ctx.queryParam("posId");
        if (posId == null || posId.isBlank()) posId = ids.isEmpty() ? null : ids.get(0);
        if (posId == null) {
            views.html(ctx, "reconciliation", ReconciliationModel.noDevices(Frame.of(u, Frame.Tab.RECONCILIATION, "Reconciliation"), s.settings().timeZone()));
            return;
        }
        ZoneId zone = s.settings().timeZone();
        List<ConsoleQueries.DaySales> days = q.salesPerDay(posId, 31, zone);
        String dayParam = ctx.queryParam("day");
        LocalDate day;
        if ("all".equals(dayParam)) {
            day = null;
        } else if (dayParam != null && !dayParam.isBlank()) {
            try {
                day = LocalDate.parse(dayParam.trim());
            } catch (DateTimeParseException ex) {
                throw Refusal.invalid("invalid_date", "'" + dayParam + "' is not a date like 2024-05-31.");
            }
        } else {
            day = days.isEmpty() ? null : days.get(0).day();
        }
        Reconciliation.Report report = s.reconciliation().report(posId, day == null ? null : day.toString(), day == null ? null : day.toString());
        Reconciliation.DeviceLine d = report.devices().get(0);
        SalesChart chart = day == null ? null : SalesChart.of(q.salesPerHour(posId, day, zone), "Sales per hour on " + day + " (" + zone.getId() + ")");
        views.html(ctx, "reconciliation", new ReconciliationModel(Frame.of(u, Frame.Tab.RECONCILIATION, "Reconciliation " + posId),
                u.canEdit(), ids, posId, day, ctx.queryParam("reviewed") != null, d, chart, days, flags(d), zone));
    }

    void markReviewed(Context ctx, ConsoleUser u) {
        s.syncStatus().markReviewed(ctx.pathParam("uuid"), u.email());
        String back = ctx.formParam("back");
        // Only our own query string goes back into the redirect (no open redirect to another site).
        String qs = back != null && back.matches("[A-Za-z0-9=&%._-]*") ? back + "&reviewed=1" : "reviewed=1";
        ctx.redirect("/console/reconciliation?" + qs, HttpStatus.SEE_OTHER);
    }

    /**
     * The report's flags (every unreviewed one, whatever the period) followed by the device's most recently
     * reviewed ones, so a manager sees who reviewed what even when it was received outside the chosen day.
     */
    private List<Reconciliation.Flag> flags(Reconciliation.DeviceLine d) {
        List<Reconciliation.Flag> out = new java.util.ArrayList<>(d.flagged());
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Reconciliation.Flag f : out) seen.add(f.uuid());
        s.syncStatus().forDevice(d.posId(), null).rows().stream()
                .filter(x -> x.review() && x.reviewedAt() != null && !seen.contains(x.uuid()))
                .sorted(java.util.Comparator.comparing(SyncStatusReport.Entry::reviewedAt).reversed())
                .limit(RECENTLY_REVIEWED)
                .forEach(x -> out.add(new Reconciliation.Flag(x.uuid(), x.seq(), x.kind(), x.number(), x.reviewReasons(), x.receivedAt(),
                        x.reviewedBy(), x.reviewedAt())));
        return out;
    }

    /** A short label for the kinds of difference the ingest flags (the sentence itself is shown beside it). */
    static String category(String reason) {
        String r = reason.toLowerCase();
        if (r.startsWith("stock of")) return "Stock below zero";
        if (r.startsWith("cash difference")) return "Cash difference";
        if (r.contains("profile key")) return "Stale profile key";
        if (r.contains(" sold at ") || r.contains("taxed at")) return "Price difference";
        if (r.contains("duplicate customer")) return "Duplicate customer";
        if (r.contains("disabled")) return "Disabled item";
        if (r.contains("customer")) return "Unknown customer";
        return "Review";
    }
}
