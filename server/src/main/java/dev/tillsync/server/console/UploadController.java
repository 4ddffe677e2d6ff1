package dev.tillsync.server.console;

import dev.tillsync.core.sync.RowResult;
import dev.tillsync.server.Limits;
import dev.tillsync.server.Services;
import dev.tillsync.server.http.RefusalStatus;
import dev.tillsync.server.refusal.Refusal;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.InputStream;

/**
 * Upload of a terminal's export file through the same ImportService as POST /api/v1/imports. The page's
 * script sends it with XMLHttpRequest to show progress and gets back only the result fragment; without
 * script the form posts normally and the whole page comes back.
 */
final class UploadController {
    static final String FETCH_HEADER = "X-Console-Fetch";

    private final Services s;
    private final ConsoleQueries q;
    private final Views views;

    UploadController(Services services, ConsoleQueries queries, Views views) {
        this.s = services;
        this.q = queries;
        this.views = views;
    }

    void page(Context ctx, ConsoleUser u) {
        views.html(ctx, "upload", new UploadModel(frame(u), u.canEdit(), null));
    }

    void upload(Context ctx, ConsoleUser u) throws Exception {
        UploadModel.Result result;
        int status = 200;
        UploadedFile file = ctx.uploadedFile("file");
        if (file == null || file.size() == 0) {
            status = 400;
            result = new UploadModel.Refused("Choose an export file first (tillsync-export-….gz from the terminal).");
        } else if (file.size() > Limits.IMPORT_FILE_BYTES) {
            status = 413;
            result = new UploadModel.Refused("The file is larger than " + Limits.mib(Limits.IMPORT_FILE_BYTES)
                    + "; export smaller ranges on the terminal.");
        } else {
            byte[] bytes;
            try (InputStream in = file.content()) {
                bytes = in.readAllBytes();
            }
            try {
                var summary = s.imports().importFile(bytes, null);
                result = new UploadModel.Imported(file.filename(), summary,
                        q.rowRefs(summary.results().stream().map(RowResult::uuid).toList()));
            } catch (Refusal e) {
                status = RefusalStatus.of(e.kind());
                result = new UploadModel.Refused("File " + file.filename() + " was refused: " + e.getMessage() + " Nothing was imported.");
            }
        }
        ctx.status(status);
        if ("1".equals(ctx.header(FETCH_HEADER))) {
            views.html(ctx, "uploadResult", result);
        } else {
            views.html(ctx, "upload", new UploadModel(frame(u), u.canEdit(), result));
        }
    }

    private static Frame frame(ConsoleUser u) {
        return Frame.of(u, Frame.Tab.UPLOAD, "Upload export file");
    }
}
