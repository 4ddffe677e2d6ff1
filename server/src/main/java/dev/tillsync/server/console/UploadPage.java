package dev.tillsync.server.console;

import static dev.tillsync.server.console.Html.e;

import dev.tillsync.core.sync.RowOutcome;
import dev.tillsync.core.sync.RowResult;
import dev.tillsync.server.Services;
import dev.tillsync.server.http.RefusalStatus;
import dev.tillsync.server.ingest.ImportSummary;
import dev.tillsync.server.refusal.Refusal;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.InputStream;
import java.util.Map;

/**
 * Upload of a terminal's export file through the same ImportService as POST /api/v1/imports. The page's
 * script sends it with XMLHttpRequest to show progress and gets back only the result fragment; without
 * script the form posts normally and the whole page comes back.
 */
final class UploadPage {
    static final String FETCH_HEADER = "X-Console-Fetch";
    private static final long MAX_BYTES = 64L * 1024 * 1024;

    private final Services s;
    private final ConsoleQueries q;

    UploadPage(Services services, ConsoleQueries queries) {
        this.s = services;
        this.q = queries;
    }

    void page(Context ctx, ConsoleUser u) {
        ctx.html(Layout.page(u, Layout.Tab.UPLOAD, "Upload export file", form(u, "")));
    }

    void upload(Context ctx, ConsoleUser u) throws Exception {
        String fragment;
        int status = 200;
        UploadedFile file = ctx.uploadedFile("file");
        if (file == null || file.size() == 0) {
            status = 400;
            fragment = Layout.notice("error", "Choose an export file first (tillsync-export-….gz from the terminal).");
        } else if (file.size() > MAX_BYTES) {
            status = 413;
            fragment = Layout.notice("error", "The file is larger than 64 MiB; export smaller ranges on the terminal.");
        } else {
            byte[] bytes;
            try (InputStream in = file.content()) {
                bytes = in.readAllBytes();
            }
            try {
                fragment = results(file.filename(), s.imports().importFile(bytes, null));
            } catch (Refusal e) {
                status = RefusalStatus.of(e.kind());
                fragment = Layout.notice("error", "File " + file.filename() + " was refused: " + e.getMessage() + " Nothing was imported.");
            }
        }
        ctx.status(status);
        if ("1".equals(ctx.header(FETCH_HEADER))) {
            ctx.html(fragment);
        } else {
            ctx.html(Layout.page(u, Layout.Tab.UPLOAD, "Upload export file", form(u, fragment)));
        }
    }

    private String form(ConsoleUser u, String resultHtml) {
        StringBuilder b = new StringBuilder("<div class=\"titlebar\"><h1>Upload export file</h1></div>");
        if (!u.canEdit()) {
            b.append(Layout.notice("info", "Importing export files needs the Accounts Manager role."));
            return b.toString();
        }
        b.append("""
                <div class="card">
                  <p>An export file from a terminal (signed with its device key). Rows already received answer <em>Duplicate</em>,
                  so uploading the same file twice changes nothing.</p>
                  <form method="post" action="/console/upload" enctype="multipart/form-data" id="upload-form">%s
                    <input type="file" name="file" id="upload-file" required>
                    <button type="submit" class="primary" id="upload-button">Upload</button>
                    <progress id="upload-progress" max="100" value="0" hidden></progress>
                    <span id="upload-percent" class="muted"></span>
                  </form>
                </div>
                <div id="upload-result">%s</div>
                """.formatted(u.csrfField(), resultHtml));
        return b.toString();
    }

    private String results(String filename, ImportSummary sum) {
        Map<String, ConsoleQueries.RowRef> refs = q.rowRefs(sum.results().stream().map(RowResult::uuid).toList());
        StringBuilder b = new StringBuilder();
        b.append("<div class=\"card\" id=\"import-summary\" data-accepted=\"").append(sum.accepted()).append("\" data-duplicates=\"")
                .append(sum.duplicates()).append("\" data-rejected=\"").append(sum.rejected()).append("\"><h2>")
                .append(e(filename)).append(" — device ").append(e(sum.posId())).append("</h2><div class=\"stats\">")
                .append(SyncStatusPage.stat("Rows", String.valueOf(sum.results().size())))
                .append(SyncStatusPage.stat("Accepted", String.valueOf(sum.accepted())))
                .append(SyncStatusPage.stat("Duplicate", String.valueOf(sum.duplicates())))
                .append(SyncStatusPage.stat("Rejected", String.valueOf(sum.rejected()))).append("</div>");
        b.append("<table class=\"grid\" id=\"import-rows\"><thead><tr><th class=\"num\">Seq</th><th>Number</th><th>Kind</th><th>Outcome</th>")
                .append("<th>Message</th><th>Review</th></tr></thead><tbody>");
        for (RowResult r : sum.results()) {
            ConsoleQueries.RowRef ref = refs.get(r.uuid());
            b.append("<tr><td class=\"num\">").append(r.seq()).append("</td><td>").append(e(ref == null ? "" : ref.number()))
                    .append("</td><td>").append(e(ref == null ? "" : ref.kind())).append("</td><td class=\"outcome\">")
                    .append(Html.outcomeBadge(r.outcome().wire()));
            if (r.outcome() == RowOutcome.DUPLICATE && r.original() != null) {
                b.append(" <span class=\"small muted\">first ").append(e(r.original().wire())).append("</span>");
            }
            b.append("</td><td>");
            if (r.code() != null) b.append("<code>").append(e(r.code())).append("</code> ");
            b.append(e(r.message())).append("</td><td>").append(r.review() ? "<span class=\"badge warn\">Flagged</span>" : "")
                    .append("</td></tr>");
        }
        b.append("</tbody></table></div>");
        return b.toString();
    }
}
