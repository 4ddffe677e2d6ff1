package dev.tillsync.terminal.receipt;

import dev.tillsync.terminal.store.EventLog;
import dev.tillsync.terminal.store.TerminalStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/** The till's receipt settings as stored (table receipt_setting, one row) and the item units a receipt prints. */
public final class ReceiptSettings {
    private ReceiptSettings() {}

    public static PaperWidth paper(Handle h) {
        return h.createQuery("select columns from receipt_setting where id = 1").mapTo(Integer.class).findOne()
                .map(PaperWidth::ofColumns).orElse(PaperWidth.DEFAULT);
    }

    /** Sets the paper width, logged with who did it. */
    public static void changePaper(TerminalStore store, PaperWidth paper, String by, Instant at) {
        store.useTx(h -> {
            h.createUpdate("update receipt_setting set columns = :c where id = 1").bind("c", paper.columns()).execute();
            EventLog.append(h, at, "config", "receipt_columns", paper.columns() + " by " + by);
        });
    }

    /** Item code → unit code for {@code codes}, as pulled; items no longer on the till are left out (printed as units). */
    static Map<String, String> units(Handle h, List<String> codes) {
        Map<String, String> out = new HashMap<>();
        if (codes.isEmpty()) return out;
        h.createQuery("select code, unit from item where code in (<codes>) and unit is not null and unit <> 'unit'")
                .bindList("codes", codes).map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
