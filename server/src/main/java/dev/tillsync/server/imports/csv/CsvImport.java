package dev.tillsync.server.imports.csv;

/** A stock or customers import as the API, the console and the CLI call it: the file, who imports it, dry run or not. */
@FunctionalInterface
public interface CsvImport {
    CsvImportResult run(byte[] csv, String actor, boolean dryRun);
}
