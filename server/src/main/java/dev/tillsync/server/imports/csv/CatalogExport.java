package dev.tillsync.server.imports.csv;

import java.math.BigDecimal;
import org.jdbi.v3.core.Jdbi;

/**
 * The catalogue as CSV in the import's columns, one row per item and price list (an item with no price is left out:
 * the import needs one). Invariant: importing the export
 * changes nothing (values are written in the form the import reads; text cells formula-neutralised like the
 * sync-status CSV).
 */
public final class CatalogExport {
    private final Jdbi jdbi;

    public CatalogExport(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public String csv() {
        StringBuilder out = new StringBuilder(1 << 16);
        out.append(String.join(",", CatalogCsv.COLUMNS)).append("\r\n");
        jdbi.useHandle(h -> h.createQuery("""
                        select i.code, i.name, i.category, i.unit,
                               coalesce((select string_agg(b.barcode, '|' order by b.barcode) from item_barcode b where b.item_code = i.code), '') as barcodes,
                               i.tax_category, p.price_minor, l.currency_digits, p.price_list, i.active
                        from item i join item_price p on p.item_code = i.code join price_list l on l.name = p.price_list
                        order by i.code, p.price_list""")
                .setFetchSize(5000)
                .map((rs, c) -> {
                    out.append(CsvCells.cell(rs.getString(1))).append(',')
                            .append(CsvCells.cell(rs.getString(2))).append(',')
                            .append(CsvCells.cell(rs.getString(3))).append(',')
                            .append(rs.getString(4)).append(',')
                            .append(CsvCells.cell(rs.getString(5))).append(',')
                            .append(CsvCells.cell(rs.getString(6))).append(',')
                            .append(BigDecimal.valueOf(rs.getLong(7), rs.getInt(8)).toPlainString()).append(',')
                            .append(CsvCells.cell(rs.getString(9))).append(',')
                            .append(rs.getBoolean(10)).append("\r\n");
                    return 0;
                }).forEach(x -> {}));
        return out.toString();
    }
}
