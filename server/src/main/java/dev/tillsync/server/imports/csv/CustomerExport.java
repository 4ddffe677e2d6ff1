package dev.tillsync.server.imports.csv;

import org.jdbi.v3.core.Jdbi;

/**
 * Every customer as a customers CSV, by number. Invariant: importing the export changes nothing (values as the import
 * reads them; text cells formula-neutralised like the catalogue export).
 */
public final class CustomerExport {
    private final Jdbi jdbi;

    public CustomerExport(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public String csv() {
        StringBuilder out = new StringBuilder(1 << 16);
        out.append(String.join(",", CustomerCsv.COLUMNS)).append("\r\n");
        jdbi.useHandle(h -> h.createQuery("select number, name, phone, email, tax_number, price_list from customer order by number")
                .setFetchSize(5000)
                .map((rs, c) -> {
                    for (int i = 1; i <= 6; i++) out.append(i > 1 ? "," : "").append(CsvCells.cell(rs.getString(i)));
                    return out.append("\r\n");
                }).forEach(x -> {}));
        return out.toString();
    }
}
