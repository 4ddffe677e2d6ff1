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
        return new ImportRefusal("import_refused", refusalMessage(r.refused(), dryRun), r.created(), r.updated(), r.unchanged(), r.refused(), r.applied());
    }

    /**
     * A refused stock or customers import, shaped like the catalogue's plus the preview's changes: these answered the
     * bare result, a 422 without {error, message}, which a client that reads every refusal that way could not explain.
     */
    record Csv(String error, String message, int created, int updated, int unchanged, List<CatalogCsv.Refused> refused, boolean applied,
               List<dev.tillsync.server.imports.csv.CsvImportResult.Change> changes) {
        static Csv of(dev.tillsync.server.imports.csv.CsvImportResult r, boolean dryRun) {
            return new Csv("import_refused", refusalMessage(r.refused(), dryRun), r.created(), r.updated(), r.unchanged(), r.refused(), r.applied(), r.changes());
        }
    }

    private static String refusalMessage(List<CatalogCsv.Refused> refused, boolean dryRun) {
        int n = refused.size();
        String first = refused.get(0).text();
        return n + (n == 1 ? " line was" : " lines were") + " refused" + (dryRun ? "" : ", so nothing was written (a file applies whole or not at all)")
                + ". First: " + first + (n > 1 ? " (see 'refused' for the others)" : "") + ".";
    }
}
