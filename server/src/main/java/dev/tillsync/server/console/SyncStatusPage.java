package dev.tillsync.server.console;

import static dev.tillsync.server.console.Html.e;
import static dev.tillsync.server.console.Html.url;

import dev.tillsync.server.Services;
import dev.tillsync.server.http.ApiException;
import dev.tillsync.server.report.SyncStatusReport;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * "POS Offline Sync Status" per device: every received transaction with its outcome and review flag,
 * filtered by outcome, kind and review, and the same rows as CSV. The server records each row's first
 * outcome; a repeat is answered "duplicate" to the sender (see Upload) and changes nothing here.
 */
final class SyncStatusPage {
    private static final List<String> KINDS = List.of("invoice", "customer", "shift_open", "shift_close", "stock_movement");
    private static final Set<String> REVIEW = Set.of("flagged", "unreviewed", "reviewed", "none");

    private final Services s;
    private final ConsoleQueries q;

    SyncStatusPage(Services services, ConsoleQueries queries) {
        this.s = services;
        this.q = queries;
    }

    record Filter(String posId, String outcome, String kind, String review) {
        String query() {
            return "posId=" + url(posId) + "&outcome=" + url(outcome) + "&kind=" + url(kind) + "&review=" + url(review);
        }
    }

    private Filter filter(Context ctx) {
        String posId = blankToNull(ctx.queryParam("posId"));
        if (posId == null) {
            List<String> ids = q.posIds();
            posId = ids.isEmpty() ? null : ids.get(0);
        }
        String outcome = blankToNull(ctx.queryParam("outcome"));
        String kind = blankToNull(ctx.queryParam("kind"));
        String review = blankToNull(ctx.queryParam("review"));
        if (kind != null && !KINDS.contains(kind)) throw ApiException.badRequest("invalid_kind", "kind must be one of " + KINDS + ".");
        if (review != null && !REVIEW.contains(review)) throw ApiException.badRequest("invalid_review", "review must be flagged, unreviewed, reviewed or none.");
        return new Filter(posId, outcome, kind, review);
    }

    private List<SyncStatusReport.Entry> rows(SyncStatusReport.Report r, Filter f) {
        return r.rows().stream()
                .filter(x -> f.kind() == null || f.kind().equals(x.kind()))
                .filter(x -> f.review() == null || switch (f.review()) {
                    case "flagged" -> x.review();
                    case "unreviewed" -> x.review() && x.reviewedAt() == null;
                    case "reviewed" -> x.review() && x.reviewedAt() != null;
                    default -> !x.review();
                })
                .toList();
    }

    void page(Context ctx, ConsoleUser u) {
        Filter f = filter(ctx);
        StringBuilder b = new StringBuilder("<div class=\"titlebar\"><h1>Sync status</h1></div>");
        if (f.posId() == null) {
            b.append(Layout.notice("info", "No devices yet."));
            ctx.html(Layout.page(u, Layout.Tab.SYNC, "Sync status", b.toString()));
            return;
        }
        SyncStatusReport.Report r = s.syncStatus().forDevice(f.posId(), f.outcome());
        List<SyncStatusReport.Entry> rows = rows(r, f);
        b.append("<form method=\"get\" class=\"filters\" id=\"sync-filters\">");
        b.append("<label>Device <select name=\"posId\" id=\"f-pos\">");
        for (String id : q.posIds()) b.append("<option").append(Html.selected(id.equals(f.posId()))).append(">").append(e(id)).append("</option>");
        b.append("</select></label>");
        options(b, "Outcome", "outcome", "f-outcome", f.outcome(), List.of("accepted", "rejected"));
        options(b, "Kind", "kind", "f-kind", f.kind(), KINDS);
        options(b, "Review", "review", "f-review", f.review(), List.of("flagged", "unreviewed", "reviewed", "none"));
        b.append("<button type=\"submit\" id=\"apply-filters\">Filter</button>")
                .append("<a class=\"button\" id=\"csv\" href=\"/console/sync.csv?").append(e(f.query())).append("\">Download CSV</a></form>");

        SyncStatusReport.Summary sm = r.summary();
        b.append("<div class=\"stats\">")
                .append(stat("Device Link Status", Html.statusBadge(sm.connectionStatus().label())))
                .append(stat("Last Sync", e(Html.time(sm.lastSync()))))
                .append(stat("Accepted", String.valueOf(sm.accepted())))
                .append(stat("Rejected", String.valueOf(sm.rejected())))
                .append(stat("Flagged / unreviewed", sm.flagged() + " / " + sm.flaggedUnreviewed()))
                .append(stat("Highest sequence", String.valueOf(sm.lastSeq())))
                .append("</div>");
        b.append("<table class=\"grid\" id=\"sync-rows\"><thead><tr><th class=\"num\">Seq</th><th>Number</th><th>Kind</th><th>Outcome</th>")
                .append("<th>Reason</th><th>Review</th><th>Received</th><th>Via</th></tr></thead><tbody>");
        for (SyncStatusReport.Entry x : rows) {
            b.append("<tr data-uuid=\"").append(e(x.uuid())).append("\"><td class=\"num\">").append(x.seq()).append("</td><td class=\"number\">")
                    .append(e(x.number())).append("</td><td>").append(e(x.kind())).append("</td><td class=\"outcome\">")
                    .append(Html.outcomeBadge(x.outcome())).append("</td><td class=\"reason\">");
            if (x.code() != null) b.append("<code>").append(e(x.code())).append("</code> ");
            b.append(e(x.reason())).append("</td><td class=\"review\">");
            if (x.review()) {
                b.append(x.reviewedAt() == null ? "<span class=\"badge warn\">To review</span>"
                        : "<span class=\"badge ok\">Reviewed</span> <span class=\"muted small\">" + e(x.reviewedBy()) + "</span>");
                b.append("<div class=\"small muted\">").append(e(String.join("; ", x.reviewReasons()))).append("</div>");
            }
            b.append("</td><td class=\"t\">").append(Html.time(x.receivedAt())).append("</td><td>").append(e(x.via())).append("</td></tr>");
        }
        if (rows.isEmpty()) b.append("<tr><td colspan=\"8\" class=\"muted\">No transactions match.</td></tr>");
        b.append("</tbody></table><p class=\"muted small\">").append(rows.size()).append(" rows. A row sent again is answered ")
                .append("<span class=\"badge info\">Duplicate</span> with its first outcome and is not recorded twice.</p>");
        ctx.html(Layout.page(u, Layout.Tab.SYNC, "Sync status " + f.posId(), b.toString()));
    }

    void csv(Context ctx, ConsoleUser u) {
        Filter f = filter(ctx);
        if (f.posId() == null) throw ApiException.notFound("No devices yet.");
        List<SyncStatusReport.Entry> rows = rows(s.syncStatus().forDevice(f.posId(), f.outcome()), f);
        StringBuilder out = new StringBuilder("seq,uuid,kind,number,outcome,code,reason,review,review_reasons,reviewed_by,reviewed_at,received_at,via\r\n");
        for (SyncStatusReport.Entry x : rows) {
            out.append(x.seq()).append(',').append(cell(x.uuid())).append(',').append(cell(x.kind())).append(',').append(cell(x.number()))
                    .append(',').append(cell(x.outcome())).append(',').append(cell(x.code())).append(',').append(cell(x.reason()))
                    .append(',').append(x.review()).append(',').append(cell(String.join("; ", x.reviewReasons())))
                    .append(',').append(cell(x.reviewedBy())).append(',').append(x.reviewedAt() == null ? "" : x.reviewedAt())
                    .append(',').append(x.receivedAt() == null ? "" : x.receivedAt()).append(',').append(cell(x.via())).append("\r\n");
        }
        ctx.contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"sync-status-" + f.posId() + ".csv\"")
                .result(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** RFC 4180 quoting; a leading = + - @ is prefixed with ' so a spreadsheet never runs it as a formula. */
    static String cell(String v) {
        if (v == null) return "";
        String t = !v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 ? "'" + v : v;
        if (t.contains(",") || t.contains("\"") || t.contains("\n") || t.contains("\r") || !t.equals(v)) {
            return "\"" + t.replace("\"", "\"\"") + "\"";
        }
        return t;
    }

    private static void options(StringBuilder b, String label, String name, String id, String current, List<String> values) {
        b.append("<label>").append(label).append(" <select name=\"").append(name).append("\" id=\"").append(id).append("\"><option value=\"\">All</option>");
        for (String v : values) b.append("<option").append(Html.selected(v.equals(current))).append(">").append(e(v)).append("</option>");
        b.append("</select></label>");
    }

    static String stat(String label, String valueHtml) {
        return "<div class=\"stat\"><div class=\"label\">" + e(label) + "</div><div class=\"value\">" + valueHtml + "</div></div>";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
