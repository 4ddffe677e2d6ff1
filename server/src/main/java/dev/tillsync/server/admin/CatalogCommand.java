package dev.tillsync.server.admin;

import dev.tillsync.server.imports.csv.CatalogCsv;
import dev.tillsync.server.imports.csv.CatalogExport;
import dev.tillsync.server.imports.csv.CatalogImport;
import dev.tillsync.server.imports.csv.RefusalDigest;
import dev.tillsync.server.imports.csv.SampleCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code bin/pos server admin catalog import FILE [--dry-run]}: the catalogue CSV, all or nothing. */
@Command(name = "catalog", description = "The catalogue as CSV (code,name,category,unit,barcodes,tax,price,price_list,active).",
        subcommands = {CatalogCommand.Import.class, CatalogCommand.Export.class, CatalogCommand.Sample.class})
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
                RefusalDigest.of(r.refused()).lines().forEach(System.out::println);
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

    @Command(name = "sample", description = {"Writes a made-up catalogue CSV to try the import with (no database needed).",
            "Its rows name the tax category given with --tax: create it first (console: Catalogue > Taxes)."})
    static final class Sample implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", description = "The CSV file to write") Path file;
        @Option(names = "--items", defaultValue = "50000", description = "How many items (default ${DEFAULT-VALUE})") int items;
        @Option(names = "--tax", defaultValue = "VAT 15%", description = "The tax category every item is in (default '${DEFAULT-VALUE}')") String tax;
        @Option(names = "--price-list", defaultValue = CatalogCsv.DEFAULT_LIST, description = "The price list the prices are on (default '${DEFAULT-VALUE}')") String priceList;

        public Integer call() throws Exception {
            if (items < 1 || items > 1_000_000) {
                System.err.println("error [invalid_items]: --items must be between 1 and 1000000 (it is " + items + ").");
                return 2;
            }
            SampleCatalog.write(file, items, tax, priceList);
            System.out.println("Wrote " + items + " sample items to " + file + " (tax category '" + tax + "', price list '" + priceList + "').");
            return 0;
        }
    }
}
