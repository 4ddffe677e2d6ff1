package dev.tillsync.server.console;

import dev.tillsync.server.Limits;
import dev.tillsync.server.Services;
import dev.tillsync.server.http.RefusalStatus;
import dev.tillsync.server.imports.csv.CsvImportResult;
import dev.tillsync.server.refusal.Refusal;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * The import page: upload a catalogue, stock or customers CSV, see the dry run (counts, the first changes, every
 * refused row), then apply that same file, kept server side under a one-time token. Each step runs the import the
 * API and the CLI run. The page's script sends both steps with XMLHttpRequest (upload progress, then a working state)
 * and shows the returned fragment; without script the forms post normally and the whole page comes back.
 */
final class ImportController {
    private final Services s;
    private final Views views;
    private final PendingImports pending = new PendingImports();

    ImportController(Services services, Views views) {
        this.s = services;
        this.views = views;
    }

    void page(Context ctx, ConsoleUser u) {
        views.html(ctx, "import", model(u, null));
    }

    void preview(Context ctx, ConsoleUser u) throws Exception {
        Optional<ImportKind> kind = ImportKind.of(ctx.formParam("kind"));
        UploadedFile file = ctx.uploadedFile("file");
        if (kind.isEmpty()) {
            answer(ctx, u, 400, new ImportModel.Refused("Choose what the file holds: catalogue, stock or customers."));
        } else if (file == null || file.size() == 0) {
            answer(ctx, u, 400, new ImportModel.Refused("Choose a CSV file first (" + kind.get().columns + ")."));
        } else if (file.size() > Limits.CSV_IMPORT_BYTES) {
            answer(ctx, u, 413, new ImportModel.Refused("The file has " + Limits.mib(file.size()) + "; an import takes at most "
                    + Limits.mib(Limits.CSV_IMPORT_BYTES) + ". Split it into several files."));
        } else {
            byte[] bytes;
            try (InputStream in = file.content()) {
                bytes = in.readAllBytes();
            }
            run(ctx, u, kind.get(), file.filename(), bytes, true);
        }
    }

    void apply(Context ctx, ConsoleUser u) {
        Optional<PendingImports.Pending> p = pending.take(ctx.formParam("token"), u.email());
        if (p.isEmpty()) {
            answer(ctx, u, 409, new ImportModel.Refused("This preview has already been applied or has expired (after "
                    + PendingImports.TTL.toMinutes() + " minutes); choose the file and preview it again."));
            return;
        }
        run(ctx, u, p.get().kind(), p.get().filename(), p.get().bytes(), false);
    }

    private void run(Context ctx, ConsoleUser u, ImportKind kind, String filename, byte[] bytes, boolean dryRun) {
        try {
            CsvImportResult r = kind.run(s, bytes, u.email(), dryRun);
            String token = dryRun && r.refused().isEmpty() && r.created() + r.updated() > 0 ? pending.keep(kind, filename, bytes, u.email()) : null;
            answer(ctx, u, r.refused().isEmpty() ? 200 : 422, new ImportModel.Outcome(kind, filename, r, token));
        } catch (Refusal e) {
            answer(ctx, u, RefusalStatus.of(e.kind()), new ImportModel.Refused("File " + filename + " was refused: " + e.getMessage() + " Nothing was imported."));
        }
    }

    private void answer(Context ctx, ConsoleUser u, int status, ImportModel.Result result) {
        ctx.status(status);
        if ("1".equals(ctx.header(UploadController.FETCH_HEADER))) {
            views.html(ctx, "importResult", new ImportResultModel(result, u.csrf()));
        } else {
            views.html(ctx, "import", model(u, result));
        }
    }

    private static ImportModel model(ConsoleUser u, ImportModel.Result result) {
        return new ImportModel(Frame.of(u, Frame.Tab.IMPORT, "Import CSV"), u.canEdit(), List.of(ImportKind.values()), result);
    }
}
