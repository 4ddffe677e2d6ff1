package dev.tillsync.server.admin;

import dev.tillsync.server.imports.csv.StockExport;
import dev.tillsync.server.imports.csv.StockImport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code bin/pos server admin stock import FILE [--dry-run]} and {@code stock export FILE}: stock levels as CSV, all or nothing. */
@Command(name = "stock", description = "Stock levels as CSV (warehouse,code,qty,mode; mode set = stocktake to this level, add = receipt).",
        subcommands = {StockCommand.Import.class, StockCommand.Export.class})
public final class StockCommand {
    @ParentCommand AdminCommand admin;

    @Command(name = "import", description = {"Imports a stock CSV all or nothing: 'set' rows are stocktakes (the variance is posted), 'add' rows receipts.",
            "The same file twice changes nothing. Exit 0 when the whole file applied (or would, with --dry-run), "
                    + AdminCommand.ROWS_REJECTED + " when rows are refused (each listed; nothing written)."})
    static final class Import implements Callable<Integer> {
        @ParentCommand StockCommand stock;
        @Parameters(paramLabel = "FILE", description = "The CSV file (UTF-8, ',' or ';')") Path file;
        @Option(names = "--dry-run", description = "Report what would be created, updated or refused; write nothing") boolean dryRun;

        public Integer call() throws Exception {
            byte[] bytes = CsvCommandOutput.read(file);
            return stock.admin.withAdmin((a, s) -> CsvCommandOutput.report(new StockImport(s.jdbi(), s.feed()).run(bytes, "cli", dryRun), file, dryRun));
        }
    }

    @Command(name = "export", description = "Writes every stock level as 'set' rows; importing it changes nothing.")
    static final class Export implements Callable<Integer> {
        @ParentCommand StockCommand stock;
        @Parameters(paramLabel = "FILE", description = "The CSV file to write (UTF-8, ',')") Path file;

        public Integer call() throws Exception {
            return stock.admin.withAdmin((a, s) -> {
                String csv = new StockExport(s.jdbi()).csv();
                Files.writeString(file, csv);
                System.out.println("Exported " + (csv.lines().count() - 1) + " stock levels to " + file + ".");
                return 0;
            });
        }
    }
}
