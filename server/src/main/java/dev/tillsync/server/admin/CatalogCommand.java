package dev.tillsync.server.admin;

import dev.tillsync.server.imports.csv.CatalogCsv;
import dev.tillsync.server.imports.csv.CatalogExport;
import dev.tillsync.server.imports.csv.CatalogImport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code bin/pos server admin catalog import FILE [--dry-run]}: the catalogue CSV, all or nothing. */
@Command(name = "catalog", description = "The catalogue as CSV (code,name,category,unit,barcodes,tax,price,price_list,active).",
        subcommands = {CatalogCommand.Import.class, CatalogCommand.Export.class})
public final class CatalogCommand {
    @ParentCommand AdminCommand admin;

    @Command(name = "import", description = {"Imports a catalogue CSV all or nothing (upsert on code; the same file twice changes nothing).",
            "Exit 0 when the whole file applied (or would, with --dry-run), " + AdminCommand.ROWS_REJECTED + " when rows are refused (each listed; nothing written)."})
    static final class Import implements Callable<Integer> {
        @ParentCommand CatalogCommand catalog;
        @Parameters(paramLabel = "FILE", description = "The CSV file (UTF-8, ',' or ';')") Path file;
        @Option(names = "--dry-run", description = "Report what would be created, updated or refused; write nothing") boolean dryRun;

        public Integer call() throws Exception {
            byte[] bytes = CsvCommandOutput.read(file); // over the limit: refused before it is read
            return catalog.admin.withAdmin((a, s) -> {
                CatalogImport.Result r = new CatalogImport(s.jdbi(), s.catalog().itemFeed()).run(bytes, "cli", dryRun);
                for (CatalogCsv.Refused x : r.refused()) System.out.println(x.text());
                String counts = r.created() + " created, " + r.updated() + " updated, " + r.unchanged() + " unchanged";
                if (!r.refused().isEmpty()) {
                    System.err.println("error [rows_refused]: " + r.refused().size() + " rows of " + file
                            + " were refused (reasons above); nothing was written. Fix them and import the file again.");
                    return AdminCommand.ROWS_REJECTED;
                }
                System.out.println((dryRun ? "Dry run, nothing written: would be " : "Imported " + file + ": ") + counts + ".");
                return 0;
            });
        }
    }

    @Command(name = "export", description = "Writes the catalogue as CSV, one row per item and price list; importing it changes nothing.")
    static final class Export implements Callable<Integer> {
        @ParentCommand CatalogCommand catalog;
        @Parameters(paramLabel = "FILE", description = "The CSV file to write (UTF-8, ',')") Path file;

        public Integer call() throws Exception {
            return catalog.admin.withAdmin((a, s) -> {
                String csv = new CatalogExport(s.jdbi()).csv();
                Files.writeString(file, csv);
                System.out.println("Exported " + (csv.lines().count() - 1) + " rows to " + file + ".");
                return 0;
            });
        }
    }
}
