package dev.tillsync.server.imports.csv;

import dev.tillsync.core.master.Unit;
import org.jdbi.v3.core.Jdbi;

/**
 * Every stock level of the active warehouses as a stock CSV of {@code set} rows. Invariant: importing the export
 * changes nothing (each row counts the level already held).
 */
public final class StockExport {
    private final Jdbi jdbi;

    public StockExport(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public String csv() {
        StringBuilder out = new StringBuilder(1 << 16);
        out.append(String.join(",", StockCsv.COLUMNS)).append("\r\n");
        jdbi.useHandle(h -> h.createQuery("""
                        select s.warehouse, s.item_code, s.qty_milli from stock s join warehouse w on w.name = s.warehouse and w.active
                        order by s.warehouse, s.item_code""")
                .setFetchSize(5000)
                .map((rs, c) -> out.append(CsvCells.cell(rs.getString(1))).append(',').append(CsvCells.cell(rs.getString(2))).append(',')
                        .append(Unit.format(rs.getLong(3))).append(",set\r\n"))
                .forEach(x -> {}));
        return out.toString();
    }
}
