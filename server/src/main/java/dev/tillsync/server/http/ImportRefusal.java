package dev.tillsync.server.http;

import dev.tillsync.server.imports.csv.CatalogCsv;
import dev.tillsync.server.imports.csv.CatalogImport;
import java.util.List;

/**
 * A refused CSV import as the API answers it (422): the usual {error, message} so every client handles it as any
 * other refusal, with the import's counts and every refused line (line, column, reason) beside them.
 */
record ImportRefusal(String error, String message, int created, int updated, int unchanged, List<CatalogCsv.Refused> refused, boolean applied) {
    static ImportRefusal of(CatalogImport.Result r, boolean dryRun) {
        int n = r.refused().size();
        String first = r.refused().get(0).text();
        String message = n + (n == 1 ? " line was" : " lines were") + " refused" + (dryRun ? "" : ", so nothing was written (a file applies whole or not at all)")
                + ". First: " + first + (n > 1 ? " (see 'refused' for the others)" : "") + ".";
        return new ImportRefusal("import_refused", message, r.created(), r.updated(), r.unchanged(), r.refused(), r.applied());
    }
}
