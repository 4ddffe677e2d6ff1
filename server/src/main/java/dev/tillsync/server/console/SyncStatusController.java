package dev.tillsync.server.console;

import static dev.tillsync.server.console.Format.url;

import dev.tillsync.server.Services;
import dev.tillsync.server.refusal.Refusal;
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
final class SyncStatusController {
    private static final List<String> KINDS = List.of("invoice", "customer", "shift_open", "shift_close", "stock_movement");
    private static final List<String> OUTCOMES = List.of("accepted", "rejected");
    private static final List<String> REVIEW_CHOICES = List.of("flagged", "unreviewed", "reviewed", "none");
    private static final Set<String> REVIEW = Set.copyOf(REVIEW_CHOICES);

    private final Services s;
    private final ConsoleQueries q;
    private final Views views;

    SyncStatusController(Services services, ConsoleQueries queries, Views views) {
        this.s = services;
        this.q = queries;
        this.views = views;
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
        if (kind != null && !KINDS.contains(kind)) throw Refusal.invalid("invalid_kind", "kind must be one of " + KINDS + ".");
        if (review != null && !REVIEW.contains(review)) throw Refusal.invalid("invalid_review", "review must be flagged, unreviewed, reviewed or none.");
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
        if (f.posId() == null) {
            views.html(ctx, "syncStatus", SyncStatusModel.noDevices(Frame.of(u, Frame.Tab.SYNC, "Sync status")));
            return;
        }
        SyncStatusReport.Report r = s.syncStatus().forDevice(f.posId(), f.outcome());
        List<SyncStatusReport.Entry> rows = rows(r, f);
        views.html(ctx, "syncStatus", new SyncStatusModel(Frame.of(u, Frame.Tab.SYNC, "Sync status " + f.posId()), f, q.posIds(),
                OUTCOMES, KINDS, REVIEW_CHOICES, r.summary(), rows));
    }

    void csv(Context ctx, ConsoleUser u) {
        Filter f = filter(ctx);
        if (f.posId() == null) throw Refusal.notFound("No devices yet.");
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

    /** RFC 4180 quoting; a leading = + - @ is prefixed with ' so a spreadsheet never runs it as a formula (shared with the catalogue export). */
    static String cell(String v) {
        return dev.tillsync.server.imports.csv.CsvCells.cell(v);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
