package dev.tillsync.server.console;

import dev.tillsync.server.Services;
import dev.tillsync.server.imports.csv.CatalogImport;
import dev.tillsync.server.imports.csv.CatalogPreview;
import dev.tillsync.server.imports.csv.CsvImportResult;
import dev.tillsync.server.imports.csv.CustomerImport;
import dev.tillsync.server.imports.csv.StockImport;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The three CSV files the import page takes, each run through the same import as its API endpoint and CLI command. */
enum ImportKind {
    CATALOG("Catalogue", "code,name,category,unit,barcodes,tax,price,price_list,active"),
    STOCK("Stock", "warehouse,code,qty,mode"),
    CUSTOMERS("Customers", "number,name,phone,email,tax_number,price_list");

    final String label;
    final String columns;

    ImportKind(String label, String columns) {
        this.label = label;
        this.columns = columns;
    }

    String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<ImportKind> of(String value) {
        for (ImportKind k : values()) if (k.value().equals(value)) return Optional.of(k);
        return Optional.empty();
    }

    CsvImportResult run(Services s, byte[] csv, String actor, boolean dryRun) {
        return switch (this) {
            case CATALOG -> {
                CatalogImport.Result r = new CatalogImport(s.jdbi(), s.catalog().itemFeed()).run(csv, actor, dryRun);
                List<CsvImportResult.Change> changes = dryRun && r.refused().isEmpty() && r.created() + r.updated() > 0
                        ? new CatalogPreview(s.jdbi(), s.items()).changes(csv) : List.of();
                yield new CsvImportResult(r.created(), r.updated(), r.unchanged(), r.refused(), r.applied(), changes);
            }
            case STOCK -> new StockImport(s.jdbi(), s.feed()).run(csv, actor, dryRun);
            case CUSTOMERS -> new CustomerImport(s.jdbi(), s.feed(), s.audit()).run(csv, actor, dryRun);
        };
    }
}
