package dev.tillsync.server.imports.csv;

import dev.tillsync.server.master.items.ItemDirectory;
import dev.tillsync.server.master.items.ItemView;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * The first catalogue rows a file would create or update, for the console's preview (the counts come from
 * CatalogImport's dry run; this only names examples). Invariant: reads only; looks at most {@link #SCAN} items, so a
 * 50,000-row file previews as fast as a small one.
 */
public final class CatalogPreview {
    static final int SCAN = 500;

    private final Jdbi jdbi;
    private final ItemDirectory items;

    public CatalogPreview(Jdbi jdbi, ItemDirectory items) {
        this.jdbi = jdbi;
        this.items = items;
    }

    public List<CsvImportResult.Change> changes(byte[] csv) {
        CsvFile file = CsvFile.parse(csv);
        return jdbi.withHandle(h -> {
            var cats = new HashSet<>(h.createQuery("select name from category where active").mapTo(String.class).list());
            var taxes = new HashSet<>(h.createQuery("select name from tax_category where active").mapTo(String.class).list());
            Map<String, CatalogCsv.PriceList> lists = h.createQuery("select name, currency, currency_digits from price_list where active")
                    .map((rs, c) -> new CatalogCsv.PriceList(rs.getString(1), rs.getString(2), rs.getInt(3))).list()
                    .stream().collect(Collectors.toMap(CatalogCsv.PriceList::name, l -> l));
            CatalogCsv.Parsed p = CatalogCsv.parse(file, new CatalogCsv.Lookups(cats, taxes, lists));
            List<CsvImportResult.Change> out = new ArrayList<>();
            for (CatalogCsv.Item i : p.items().subList(0, Math.min(SCAN, p.items().size()))) {
                if (out.size() >= CsvImportResult.PREVIEW_ROWS) break;
                Optional<ItemView> cur = items.read(h, i.code());
                if (cur.isEmpty()) {
                    out.add(new CsvImportResult.Change(i.line(), i.code(), "created", i.name() + ", " + prices(i, lists)));
                    continue;
                }
                String diff = diff(cur.get(), i, lists);
                if (!diff.isEmpty()) out.add(new CsvImportResult.Change(i.line(), i.code(), "updated", diff));
            }
            return out;
        });
    }

    private static String prices(CatalogCsv.Item i, Map<String, CatalogCsv.PriceList> lists) {
        return i.prices().entrySet().stream().map(e -> e.getKey() + " " + major(e.getValue(), lists.get(e.getKey()))).collect(Collectors.joining(", "));
    }

    private static String major(long minor, CatalogCsv.PriceList l) {
        return java.math.BigDecimal.valueOf(minor, l == null ? 2 : l.digits()).toPlainString();
    }

    private static String diff(ItemView cur, CatalogCsv.Item i, Map<String, CatalogCsv.PriceList> lists) {
        List<String> d = new ArrayList<>();
        if (!cur.name().equals(i.name())) d.add("name " + cur.name() + " → " + i.name());
        if (!Objects.equals(cur.category(), i.category())) d.add("category " + none(cur.category()) + " → " + none(i.category()));
        if (!cur.unit().equals(i.unit())) d.add("unit " + cur.unit() + " → " + i.unit());
        if (i.tax() != null && !cur.taxCategory().equals(i.tax())) d.add("tax " + cur.taxCategory() + " → " + i.tax());
        if (cur.active() != i.active()) d.add(i.active() ? "enabled" : "disabled");
        if (!cur.barcodes().equals(i.barcodes())) d.add("barcodes " + String.join("|", cur.barcodes()) + " → " + String.join("|", i.barcodes()));
        i.prices().forEach((list, minor) -> {
            Long was = cur.prices().stream().filter(x -> x.priceList().equals(list)).map(ItemView.Price::priceMinor).findFirst().orElse(null);
            if (!Objects.equals(was, minor)) d.add(list + " " + (was == null ? "(none)" : major(was, lists.get(list))) + " → " + major(minor, lists.get(list)));
        });
        return String.join("; ", d);
    }

    private static String none(String s) {
        return s == null ? "(none)" : s;
    }
}
