package dev.tillsync.server.admin;

import dev.tillsync.server.Limits;
import dev.tillsync.server.imports.csv.RefusalDigest;
import dev.tillsync.server.imports.csv.CsvImportResult;
import dev.tillsync.server.refusal.Refusal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the stock and customers import commands share with {@code catalog import}: the file read within the CSV
 * limit, refused rows printed as {@code line N, column C: reason}, and the same exit codes (0 applied or would apply,
 * {@link AdminCommand#ROWS_REJECTED} rows refused).
 */
final class CsvCommandOutput {
    private CsvCommandOutput() {}

    /** The file's bytes; a file over the limit is refused before it is read into memory. */
    static byte[] read(Path file) throws IOException {
        long size = Files.size(file);
        if (size > Limits.CSV_IMPORT_BYTES) {
            throw Refusal.tooLarge("file_too_large", "The file has " + Limits.mib(size) + "; an import takes at most "
                    + Limits.mib(Limits.CSV_IMPORT_BYTES) + ". Split it into several files.");
        }
        return Files.readAllBytes(file);
    }

    static int report(CsvImportResult r, Path file, boolean dryRun) {
        RefusalDigest.of(r.refused()).lines().forEach(System.out::println);
        if (!r.refused().isEmpty()) {
            System.err.println("error [rows_refused]: " + r.refused().size() + " rows of " + file
                    + " were refused (reasons above); nothing was written. Fix them and import the file again.");
            return AdminCommand.ROWS_REJECTED;
        }
        System.out.println((dryRun ? "Dry run, nothing written: would be " : "Imported " + file + ": ") + r.counts() + ".");
        return 0;
    }
}
