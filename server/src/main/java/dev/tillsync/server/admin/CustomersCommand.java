package dev.tillsync.server.admin;

import dev.tillsync.server.imports.csv.CustomerExport;
import dev.tillsync.server.imports.csv.CustomerImport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code bin/pos server admin customers import FILE [--dry-run]} and {@code customers export FILE}: customers as CSV, all or nothing. */
@Command(name = "customers", description = "Customers as CSV (number,name,phone,email,tax_number,price_list; upsert on number).",
        subcommands = {CustomersCommand.Import.class, CustomersCommand.Export.class})
public final class CustomersCommand {
    @ParentCommand AdminCommand admin;

    @Command(name = "import", description = {"Imports a customers CSV all or nothing, upsert on number (a blank number: the next of the CUST-BO- series).",
            "The same file twice changes nothing. Exit 0 when the whole file applied (or would, with --dry-run), "
                    + AdminCommand.ROWS_REJECTED + " when rows are refused (each listed; nothing written)."})
    static final class Import implements Callable<Integer> {
        @ParentCommand CustomersCommand customers;
        @Parameters(paramLabel = "FILE", description = "The CSV file (UTF-8, ',' or ';')") Path file;
        @Option(names = "--dry-run", description = "Report what would be created, updated or refused; write nothing") boolean dryRun;

        public Integer call() throws Exception {
            byte[] bytes = CsvCommandOutput.read(file);
            return customers.admin.withAdmin((a, s) -> CsvCommandOutput.report(new CustomerImport(s.jdbi(), s.feed(), s.audit()).run(bytes, "cli", dryRun), file, dryRun));
        }
    }

    @Command(name = "export", description = "Writes every customer; importing it changes nothing.")
    static final class Export implements Callable<Integer> {
        @ParentCommand CustomersCommand customers;
        @Parameters(paramLabel = "FILE", description = "The CSV file to write (UTF-8, ',')") Path file;

        public Integer call() throws Exception {
            return customers.admin.withAdmin((a, s) -> {
                String csv = new CustomerExport(s.jdbi()).csv();
                Files.writeString(file, csv);
                System.out.println("Exported " + (csv.lines().count() - 1) + " customers to " + file + ".");
                return 0;
            });
        }
    }
}
