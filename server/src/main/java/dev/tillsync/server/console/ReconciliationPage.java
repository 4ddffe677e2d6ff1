package dev.tillsync.server.console;

import static dev.tillsync.server.console.Html.e;
import static dev.tillsync.server.console.Html.url;

import dev.tillsync.server.Services;
import dev.tillsync.server.http.ApiException;
import dev.tillsync.server.report.Reconciliation;
import dev.tillsync.server.report.SyncStatusReport;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * Reconciliation of one device for one UTC day (or all days): sales and totals per payment mode, per-shift
 * expected against counted cash, stock impact, flagged rows with a "reviewed" action, and sales per hour.
 */
final class ReconciliationPage {
    private static final int RECENTLY_REVIEWED = 20;

    private final Services s;
    private final ConsoleQueries q;

    ReconciliationPage(Services services, ConsoleQueries queries) {
        this.s = services;
        this.q = queries;
    }

    void page(Context ctx, ConsoleUser u) {
        List<String> ids = q.posIds();
        String posId = ctx.queryParam("posId");
        if (posId == null || posId.isBlank()) posId = ids.isEmpty() ? null : ids.get(0);
        StringBuilder b = new StringBuilder("<div class=\"titlebar\"><h1>Reconciliation</h1></div>");
        if (posId == null) {
            ctx.html(Layout.page(u, Layout.Tab.RECONCILIATION, "Reconciliation", b.append(Layout.notice("info", "No devices yet.")).toString()));
            return;
        }
        List<ConsoleQueries.DaySales> days = q.salesPerDay(posId, 31);
        String dayParam = ctx.queryParam("day");
        LocalDate day;
        if ("all".equals(dayParam)) {
            day = null;
        } else if (dayParam != null && !dayParam.isBlank()) {
            try {
                day = LocalDate.parse(dayParam.trim());
            } catch (DateTimeParseException ex) {
                throw ApiException.badRequest("invalid_date", "'" + dayParam + "' is not a date like 2024-05-31.");
            }
        } else {
            day = days.isEmpty() ? null : days.get(0).day();
        }
        Reconciliation.Report report = s.reconciliation().report(posId, day == null ? null : day.toString(), day == null ? null : day.toString());
        Reconciliation.DeviceLine d = report.devices().get(0);

        b.append("<form method=\"get\" class=\"filters\" id=\"rec-filters\"><label>Device <select name=\"posId\" id=\"r-pos\">");
        for (String id : ids) b.append("<option").append(Html.selected(id.equals(posId))).append(">").append(e(id)).append("</option>");
        b.append("</select></label><label>Day (UTC) <input type=\"date\" name=\"day\" id=\"r-day\" value=\"").append(day == null ? "" : day)
                .append("\"></label><button type=\"submit\">Show</button> <a href=\"?posId=").append(url(posId))
                .append("&amp;day=all\">All days</a></form>");
        if (ctx.queryParam("reviewed") != null) b.append(Layout.notice("ok", "Marked as reviewed."));

        b.append("<h2>").append(e(posId)).append(" — ").append(day == null ? "all days" : e(day)).append("</h2>");
        b.append("<div class=\"stats\">")
                .append(SyncStatusPage.stat("Device Link Status", Html.statusBadge(d.connectionStatus())))
                .append(SyncStatusPage.stat("Sales", String.valueOf(d.salesCount())))
                .append(SyncStatusPage.stat("Returns", String.valueOf(d.returnsCount())))
                .append(SyncStatusPage.stat("Grand total", Html.money(d.grandTotalMinor())));
        for (Map.Entry<String, Long> m : d.byPaymentModeMinor().entrySet()) {
            b.append(SyncStatusPage.stat(m.getKey(), Html.money(m.getValue())));
        }
        b.append(SyncStatusPage.stat("Rejected rows", String.valueOf(d.rejectedCount()))).append("</div>");

        b.append("<div class=\"columns\"><section class=\"card main-col\">");
        if (day != null) {
            b.append(SalesChart.svg(q.salesPerHour(posId, day), "Sales per hour on " + day + " (UTC)"));
        }
        b.append("<h3>Per day</h3><table class=\"grid\" id=\"per-day\"><thead><tr><th>Day (UTC)</th><th class=\"num\">Sales</th>")
                .append("<th class=\"num\">Total</th><th class=\"num\">Made offline</th></tr></thead><tbody>");
        for (ConsoleQueries.DaySales ds : days) {
            b.append("<tr").append(ds.day().equals(day) ? " class=\"current\"" : "").append("><td><a href=\"?posId=").append(url(posId))
                    .append("&amp;day=").append(ds.day()).append("\">").append(ds.day()).append("</a></td><td class=\"num\">").append(ds.count())
                    .append("</td><td class=\"num\">").append(Html.money(ds.totalMinor())).append("</td><td class=\"num\">").append(ds.offlineCount())
                    .append("</td></tr>");
        }
        if (days.isEmpty()) b.append("<tr><td colspan=\"4\" class=\"muted\">No sales received yet.</td></tr>");
        b.append("</tbody></table></section><section class=\"card side-col\"><h3>Inventory impact</h3>")
                .append("<table class=\"grid\" id=\"stock-impact\"><thead><tr><th>Item</th><th class=\"num\">Qty</th></tr></thead><tbody>");
        for (Reconciliation.StockImpact si : d.stockImpact()) {
            b.append("<tr><td>").append(e(si.itemCode())).append("</td><td class=\"num\">").append(si.qty()).append("</td></tr>");
        }
        if (d.stockImpact().isEmpty()) b.append("<tr><td colspan=\"2\" class=\"muted\">No stock movements.</td></tr>");
        b.append("</tbody></table></section></div>");

        b.append("<section class=\"card\"><h3>Shifts</h3><table class=\"grid\" id=\"shifts\"><thead><tr><th>User</th><th>Shift type</th>")
                .append("<th>Opened</th><th>Closed</th><th class=\"num\">Sales</th><th class=\"num\">Total</th><th>Per payment mode</th>")
                .append("<th class=\"num\">Expected cash</th><th class=\"num\">Counted cash</th><th class=\"num\">Difference</th></tr></thead><tbody>");
        for (Reconciliation.ShiftLine sh : d.shifts()) {
            Long diff = sh.cashDifferenceMinor();
            b.append("<tr><td>").append(e(sh.user())).append("</td><td>").append(e(sh.shiftType())).append("</td><td>")
                    .append(Html.time(sh.openedAt())).append("</td><td>").append(Html.time(sh.closedAt())).append("</td><td class=\"num\">")
                    .append(sh.salesCount()).append("</td><td class=\"num\">").append(Html.money(sh.salesTotalMinor())).append("</td><td>")
                    .append(modes(sh.byPaymentModeMinor())).append("</td><td class=\"num\">").append(Html.money(sh.expectedCashMinor()))
                    .append("</td><td class=\"num\">").append(Html.money(sh.countedCashMinor())).append("</td><td class=\"num")
                    .append(diff != null && diff != 0 ? " bad-text" : "").append("\">").append(Html.money(diff)).append("</td></tr>");
        }
        if (d.shifts().isEmpty()) b.append("<tr><td colspan=\"10\" class=\"muted\">No shifts in this period.</td></tr>");
        b.append("</tbody></table></section>");

        List<Reconciliation.Flag> flags = flags(d);
        b.append("<section class=\"card\"><h3>Flagged for review</h3><table class=\"grid\" id=\"flags\"><thead><tr><th class=\"num\">Seq</th>")
                .append("<th>Number</th><th>Kind</th><th>Why</th><th>Received</th><th>Review</th></tr></thead><tbody>");
        for (Reconciliation.Flag fl : flags) {
            b.append("<tr data-uuid=\"").append(e(fl.uuid())).append("\"><td class=\"num\">").append(fl.seq()).append("</td><td>")
                    .append(e(fl.number())).append("</td><td>").append(e(fl.kind())).append("</td><td>");
            for (String reason : fl.reviewReasons()) {
                b.append("<div><span class=\"badge warn\">").append(e(category(reason))).append("</span> ").append(e(reason)).append("</div>");
            }
            b.append("</td><td class=\"t\">").append(Html.time(fl.receivedAt())).append("</td><td class=\"review\">");
            if (fl.reviewedAt() != null) {
                b.append("<span class=\"badge ok\">Reviewed</span> by ").append(e(fl.reviewedBy())).append("<div class=\"small muted\">")
                        .append(Html.time(fl.reviewedAt())).append("</div>");
            } else if (u.canEdit()) {
                b.append("<form method=\"post\" action=\"/console/flags/").append(url(fl.uuid())).append("/reviewed\">").append(u.csrfField())
                        .append("<input type=\"hidden\" name=\"back\" value=\"").append(e("posId=" + url(posId) + "&day=" + (day == null ? "all" : day)))
                        .append("\"><button type=\"submit\" class=\"small mark-reviewed\">Mark reviewed</button></form>");
            } else {
                b.append("<span class=\"badge warn\">To review</span>");
            }
            b.append("</td></tr>");
        }
        if (flags.isEmpty()) b.append("<tr><td colspan=\"6\" class=\"muted\">Nothing flagged.</td></tr>");
        b.append("</tbody></table></section>");
        ctx.html(Layout.page(u, Layout.Tab.RECONCILIATION, "Reconciliation " + posId, b.toString()));
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

    private static String modes(Map<String, Long> m) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, Long> e : m.entrySet()) {
            if (b.length() > 0) b.append(", ");
            b.append(e(e.getKey())).append(' ').append(Html.money(e.getValue()));
        }
        return b.length() == 0 ? "—" : b.toString();
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
